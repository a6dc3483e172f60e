/** The code fields the clock logic needs (validFrom/validUntil in unix seconds; 0 for HOTP). */
export interface CodeTimes {
  readonly validFrom: number;
  readonly validUntil: number;
}

/** The span of unix seconds in which every time-based code on screen is current: the latest start to the earliest end of their windows. */
export interface ShownWindow {
  readonly since: number;
  readonly until: number;
}

/** The ShownWindow of `codes` (HOTP codes, validUntil 0, have no window and never expire by time). */
export function shownWindowOf(codes: readonly CodeTimes[]): ShownWindow {
  let since = -Infinity;
  let until = Infinity;
  for (const c of codes) {
    if (!(c.validUntil > 0)) continue;
    since = Math.max(since, c.validFrom);
    until = Math.min(until, c.validUntil);
  }
  return { since, until };
}

/**
 * Whether the codes on screen still belong to `nowMs`: a period ended (the clock ran on, or
 * jumped forward) or the clock jumped back before a shown code's window began (after an NTP
 * correction, a manual change, or resuming a VM). Either way the codes are fetched again. The
 * window is computed once per fetch, so the 1 s tick compares two numbers instead of walking
 * every account's code.
 */
export function windowIsStale(window: ShownWindow, nowMs: number): boolean {
  const now = nowMs / 1000;
  return now >= window.until || now < window.since;
}

/** Whole seconds left of a code's period as shown: never negative, never more than the period. */
export function secondsLeft(validUntil: number, period: number, nowMs: number): number {
  if (!(validUntil > 0) || !(period > 0)) return 0;
  const left = Math.ceil(validUntil - nowMs / 1000);
  return Number.isFinite(left) ? Math.max(0, Math.min(period, left)) : 0;
}

/**
 * The period every time-based account shares, or null when their periods differ or none is
 * time-based (HOTP has no period to count down).
 */
export function uniformPeriodOf(
  accounts: readonly { readonly type: string; readonly period: number }[],
): number | null {
  let period: number | null = null;
  for (const a of accounts) {
    if (a.type === 'hotp') continue;
    if (period === null) period = a.period;
    else if (a.period !== period) return null;
  }
  return period;
}
