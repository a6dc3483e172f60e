import { useEffect, useState, type RefObject } from 'react';

/** Which rows of a fixed-row-height list intersect the scroll viewport, plus `overscan` rows each side. */
export interface VirtualWindow {
  readonly start: number;
  readonly end: number;
  readonly totalHeight: number;
  /** Rows that fit in the viewport, for Page Up / Page Down. */
  readonly pageRows: number;
}

type Range = readonly [start: number, end: number, pageRows: number];

function rangeOf(
  el: HTMLElement | null,
  count: number,
  rowHeight: number,
  overscan: number,
): Range {
  const top = el?.scrollTop ?? 0;
  const height = el?.clientHeight || 800;
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  return [start, end, Math.max(1, Math.floor(height / rowHeight) - 1)];
}

/**
 * A small fixed-height virtualizer: rows are all the same height (set by the density), so
 * the visible range is two divisions. State changes only when the range does, not on every
 * scroll event, so scrolling re-renders the list a few times per screenful.
 */
export function useVirtualWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 6,
): VirtualWindow {
  const [range, setRange] = useState<Range>(() => rangeOf(null, count, rowHeight, overscan));
  useEffect(() => {
    const el = ref.current;
    const update = () =>
      setRange((old) => {
        const next = rangeOf(el, count, rowHeight, overscan);
        return old.every((v, i) => v === next[i]) ? old : next;
      });
    update();
    el?.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    if (el) observer.observe(el);
    return () => {
      el?.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [ref, count, rowHeight, overscan]);
  return {
    start: range[0],
    end: Math.min(range[1], count),
    totalHeight: count * rowHeight,
    pageRows: range[2],
  };
}
