import { UserError } from './core/errors';

/** The outcome of comparing the system clock with a server's HTTP Date header. */
export interface ClockCheck {
  /** The host asked, for the message. */
  readonly server: string;
  /** Server time minus system time, in ms (positive: the system clock is behind). */
  readonly offsetMs: number;
  /** True when the difference is small enough for codes to be accepted. */
  readonly ok: boolean;
  /** One line for the user: how far off, and what to do. */
  readonly message: string;
}

export interface ClockCheckOptions {
  readonly timeoutMs?: number;
  /** Differences below this are within the Date header's 1 s resolution plus network noise. */
  readonly toleranceMs?: number;
  readonly clock?: () => number;
  readonly fetchImpl?: typeof fetch;
}

function describe(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  return `${seconds} s ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
}

/**
 * Asks `url` for its time (a HEAD request; the Date header has 1 s resolution, so the
 * request's midpoint plus half a second is compared) within a bounded timeout.
 */
export async function checkSystemClock(
  url: string,
  options: ClockCheckOptions = {},
): Promise<ClockCheck> {
  const { timeoutMs = 5_000, toleranceMs = 5_000, clock = Date.now, fetchImpl = fetch } = options;
  const server = new URL(url).host;
  const sent = clock();
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error)?.name === 'TimeoutError';
    throw new UserError(
      'io',
      timedOut
        ? `${server} did not answer within ${Math.round(timeoutMs / 1000)} s. Check the address and your connection, or turn the clock check off.`
        : `Could not reach ${server} to check the clock. Check the address and your connection, or turn the clock check off.`,
    );
  }
  const received = clock();
  const date = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(date)) {
    throw new UserError(
      'io',
      `${server} answered without a usable Date header. Choose another server for the clock check.`,
    );
  }
  const offsetMs = Math.round(date + 500 - (sent + received) / 2);
  const ok = Math.abs(offsetMs) < toleranceMs;
  const message = ok
    ? `Your clock agrees with ${server} (within ${Math.round(toleranceMs / 1000)} s).`
    : `Your clock is ${describe(offsetMs)} ${server}, so codes may be refused. Fix the system time, or use a clock offset of ${offsetMs > 0 ? '+' : '−'}${Math.round(Math.abs(offsetMs) / 1000)} s.`;
  return { server, offsetMs, ok, message };
}
