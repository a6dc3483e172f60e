/** Numbers one bench part measured, by the keys `npm run -s bench -- --json` prints. */
export type Figures = Record<string, number>;

/** One bench part's result: the human table and the figures behind it. */
export interface BenchPart {
  readonly text: string;
  readonly figures: Figures;
}

/** Median of `runs` timings of `work`, in milliseconds. */
export async function medianMs(
  runs: number,
  work: (run: number) => Promise<unknown> | unknown,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p95 of 20 values is the 19th smallest). NaN for no values. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** Rounds for the JSON (keeps it readable; the noise is far larger than 0.001 ms). */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Progress and human text go to stderr in --json mode so stdout stays one JSON object. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}
