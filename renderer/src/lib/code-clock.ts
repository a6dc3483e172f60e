/** The code fields the clock logic needs (validFrom/validUntil in unix seconds; 0 for HOTP). */
export interface CodeTimes {
  readonly validFrom: number;
  readonly validUntil: number;
}

/**
 * Whether the codes on screen still belong to `nowMs`: a period ended (the clock ran on, or
 * jumped forward) or the clock jumped back before a shown code's window began (after an NTP
 * correction, a manual change, or resuming a VM). Either way the codes are fetched again.
 */
export function codesAreStale(codes: readonly CodeTimes[], nowMs: number): boolean {
  const now = nowMs / 1000;
  return codes.some((c) => c.validUntil > 0 && (now >= c.validUntil || now < c.validFrom));
}

/** Whole seconds left of a code's period as shown: never negative, never more than the period. */
export function secondsLeft(validUntil: number, period: number, nowMs: number): number {
  if (!(validUntil > 0) || !(period > 0)) return 0;
  const left = Math.ceil(validUntil - nowMs / 1000);
  return Number.isFinite(left) ? Math.max(0, Math.min(period, left)) : 0;
}
