/** Edit distance (insert, delete, substitute, swap two neighbours) between two short words. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word a typo most likely meant (" Did you mean X?"), or '' when none is close. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const lower = typed.toLowerCase();
  const prefixed = known.filter((word) => word.startsWith(lower) && lower.length >= 3);
  if (prefixed.length === 1) return ` Did you mean ${prefixed[0]}?`;
  const allowed = lower.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const word of known) {
    const d = distance(lower, word);
    if (d < bestDistance) [best, bestDistance] = [word, d];
  }
  return best ? ` Did you mean ${best}?` : '';
}
