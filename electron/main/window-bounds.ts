/** A window's position and size in screen pixels. */
export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Saved bounds that are numbers of a sane size, or null for damaged state files. */
export function parseBounds(value: unknown): Bounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const nums = [r['x'], r['y'], r['width'], r['height']];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [x, y, width, height] = nums as number[];
  if (width! < 200 || height! < 200 || width! > 20_000 || height! > 20_000) return null;
  return { x: x!, y: y!, width: width!, height: height! };
}

/**
 * The saved bounds if at least a grab-able part of the window lands on one of today's
 * displays (a monitor may have been unplugged since), else null to let the OS place it.
 */
export function fitBounds(saved: Bounds | null, workAreas: readonly Bounds[]): Bounds | null {
  if (!saved) return null;
  const visible = workAreas.some((area) => {
    const overlapX =
      Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const overlapY = Math.min(saved.y + 40, area.y + area.height) - Math.max(saved.y, area.y);
    return overlapX >= 100 && overlapY >= 20;
  });
  return visible ? saved : null;
}
