import { describe, expect, it } from 'vitest';
import { bothCodes, endsTooSoon, isCurrent, isUrgent, pairAge, pairPhase } from '../../renderer/src/lib/pinned-pair';

const pair = {
  id: 'a',
  code: '111111',
  next: '222222',
  validFrom: 1_000_000_020,
  validUntil: 1_000_000_050,
};

describe('pinned pair', () => {
  it('is fresh while step T lasts, late during T+1, expired after', () => {
    expect(pairPhase(pair, 1_000_000_021)).toEqual({ kind: 'fresh', firstLeft: 29 });
    expect(pairPhase(pair, 1_000_000_049.5)).toEqual({ kind: 'fresh', firstLeft: 1 });
    expect(pairPhase(pair, 1_000_000_050)).toEqual({ kind: 'late', secondLeft: 30 });
    expect(pairPhase(pair, 1_000_000_079)).toEqual({ kind: 'late', secondLeft: 1 });
    expect(pairPhase(pair, 1_000_000_080)).toEqual({ kind: 'expired' });
  });
  it('never shows more than a period left when the clock jumped back', () => {
    expect(pairPhase(pair, 1_000_000_000)).toEqual({ kind: 'fresh', firstLeft: 30 });
  });
  it('calls a pair taken just before its step begins upcoming, and one left with seconds to spare too short', () => {
    expect(pairPhase(pair, 1_000_000_018.8)).toEqual({ kind: 'upcoming', startsIn: 2, period: 30 });
    expect(endsTooSoon(pair, 1_000_000_045.5)).toBe(true);
    expect(endsTooSoon(pair, 1_000_000_044)).toBe(false);
    expect(isUrgent({ kind: 'late', secondLeft: 20 })).toBe(false);
    expect(isUrgent({ kind: 'late', secondLeft: 5 })).toBe(true);
  });
  it('never expires counter codes', () => {
    expect(pairPhase({ ...pair, validFrom: 0, validUntil: 0 }, 2e9)).toEqual({ kind: 'counter' });
  });
  it('counts the age in whole seconds and knows a stale entry', () => {
    expect(pairAge(100.2, 112.9)).toBe(12);
    expect(pairAge(100, 99)).toBe(0);
    expect(isCurrent(pair, 1_000_000_050)).toBe(false);
    expect(isCurrent(pair, 1_000_000_030)).toBe(true);
    expect(isCurrent(undefined, 1)).toBe(false);
  });
  it('puts both codes on two lines, first then second', () => {
    expect(bothCodes(pair)).toBe('111111\n222222');
  });
});
