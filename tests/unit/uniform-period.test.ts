import { describe, expect, it } from 'vitest';
import { uniformPeriodOf } from '../../renderer/src/lib/code-clock';

const totp = (period: number) => ({ type: 'totp', period });

describe('one countdown for the list when every time-based account shares a period', () => {
  it('is the shared period, Steam codes included, HOTP ignored', () => {
    expect(uniformPeriodOf([totp(30), { type: 'steam', period: 30 }, totp(30)])).toBe(30);
    expect(uniformPeriodOf([totp(60), { type: 'hotp', period: 30 }, totp(60)])).toBe(60);
  });

  it('is none when any period differs, wherever it is in the list, so every row counts its own', () => {
    expect(uniformPeriodOf([totp(60), totp(30), totp(30)])).toBeNull();
    expect(uniformPeriodOf([totp(30), totp(30), totp(60)])).toBeNull();
  });

  it('is none with no time-based account (nothing to count down) or no account', () => {
    expect(uniformPeriodOf([{ type: 'hotp', period: 30 }])).toBeNull();
    expect(uniformPeriodOf([])).toBeNull();
  });
});
