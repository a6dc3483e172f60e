import type { AccountCodes } from '../../../electron/api';

/**
 * Where a pinned pair of consecutive codes stands. The pair (the codes of steps T and T+1) is
 * taken once when the two-code view opens and never changes by itself, so the two codes a user
 * copies are always consecutive, however slowly they are typed in.
 */
export type PairPhase =
  /** Taken just before a period boundary: steps T+1 and T+2, which start in a moment. */
  | { readonly kind: 'upcoming'; readonly startsIn: number; readonly period: number }
  /** Step T is current: both codes are good. */
  | { readonly kind: 'fresh'; readonly firstLeft: number }
  /** Step T has passed, T+1 is current: most services still accept the pair, but it is late. */
  | { readonly kind: 'late'; readonly secondLeft: number }
  /** Both steps have passed: the pair is useless, a fresh one is needed. */
  | { readonly kind: 'expired' }
  /** Counter (HOTP) codes don't expire. */
  | { readonly kind: 'counter' };

/** With less than this left on the current code, the view takes the pair that starts next. */
export const NEXT_PAIR_BELOW_SECONDS = 5;

/** Seconds left on the pinned pair at `nowSec` (corrected unix seconds). */
export function pairPhase(pair: AccountCodes, nowSec: number): PairPhase {
  if (!pair.validUntil) return { kind: 'counter' };
  const period = pair.validUntil - pair.validFrom;
  // Clamped to the period: a clock that jumped back never shows more time than a code has.
  const clamp = (left: number) => Math.max(1, Math.min(period, Math.ceil(left)));
  // A pair taken a moment early (just before a boundary); further back is a clock that jumped back.
  if (nowSec < pair.validFrom && pair.validFrom - nowSec <= NEXT_PAIR_BELOW_SECONDS)
    return { kind: 'upcoming', startsIn: Math.max(1, Math.ceil(pair.validFrom - nowSec)), period };
  if (nowSec < pair.validUntil)
    return { kind: 'fresh', firstLeft: clamp(pair.validUntil - nowSec) };
  if (nowSec < pair.validUntil + period)
    return { kind: 'late', secondLeft: clamp(pair.validUntil + period - nowSec) };
  return { kind: 'expired' };
}

/** True when `entry` (current at `nowSec`) runs out too soon to be worth typing in. */
export const endsTooSoon = (entry: AccountCodes, nowSec: number): boolean =>
  !!entry.validUntil && entry.validUntil - nowSec < NEXT_PAIR_BELOW_SECONDS;

/** The last seconds of a late pair, when it is worth saying so loudly. */
export const isUrgent = (phase: PairPhase): boolean =>
  phase.kind === 'expired' || (phase.kind === 'late' && phase.secondLeft <= NEXT_PAIR_BELOW_SECONDS);

/** Whole seconds since the pair was taken, never negative. */
export function pairAge(pinnedAtSec: number, nowSec: number): number {
  return Math.max(0, Math.floor(nowSec - pinnedAtSec));
}

/** An entry that is current at `nowSec` (it may be stale right after a period boundary). */
export function isCurrent(entry: AccountCodes | undefined, nowSec: number): entry is AccountCodes {
  return !!entry && (!entry.validUntil || (entry.validFrom <= nowSec && nowSec < entry.validUntil));
}

/** Both codes on two lines, first then second, for pasting into a form with two fields. */
export const bothCodes = (pair: AccountCodes): string => `${pair.code}\n${pair.next}`;
