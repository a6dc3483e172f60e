/**
 * Hybrid logical clock stamps (Kulkarni et al., "Logical Physical Clocks", 2014): wall time when
 * clocks agree, a counter when they don't, so a change made after reading a stamp always gets a
 * larger one, whatever the two devices' clocks say.
 */
export interface Stamp {
  /** Milliseconds since the epoch, or the largest wall time seen so far (from any device). */
  readonly wall: number;
  /** Orders changes made within one wall value. */
  readonly counter: number;
  /** The device that made the change: ties break by it, and it makes every stamp unique. */
  readonly device: string;
}

/** A device's clock: the largest (wall, counter) it has made or seen. */
export interface HlcClock {
  readonly wall: number;
  readonly counter: number;
}

export const ZERO_CLOCK: HlcClock = { wall: 0, counter: 0 };

/** Total order: wall, then counter, then device id. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** One string per stamp, for maps and sets. */
export function stampKey(stamp: Stamp): string {
  return `${stamp.wall}.${stamp.counter}.${stamp.device}`;
}

/** The stamp for a change made now: max(wall, last seen + 1). Returns it with the clock moved on. */
export function tick(clock: HlcClock, nowMs: number, device: string): { stamp: Stamp; clock: HlcClock } {
  const wall = Math.max(Math.floor(nowMs), clock.wall);
  const counter = wall === clock.wall ? clock.counter + 1 : 0;
  return { stamp: { wall, counter, device }, clock: { wall, counter } };
}

/** The clock after reading `stamp`: later local changes are stamped above it. */
export function observe(clock: HlcClock, stamp: Stamp): HlcClock {
  if (stamp.wall > clock.wall || (stamp.wall === clock.wall && stamp.counter > clock.counter)) {
    return { wall: stamp.wall, counter: stamp.counter };
  }
  return clock;
}

/** The larger of two stamps (a itself when equal). */
export function maxStamp(a: Stamp, b: Stamp): Stamp {
  return compareStamps(a, b) >= 0 ? a : b;
}
