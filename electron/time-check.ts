import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { UserError } from './core/errors';
import { isClockCheckUrl, MAX_CLOCK_OFFSET_MS } from './core/settings';

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
  /** How the HEAD request is made; the app passes Electron's net.fetch (the system proxy), the CLI uses Node's. */
  readonly fetchDate?: ClockFetch;
}

/** Makes one HEAD request to `url` and resolves its Date header; rejects with ClockTimeout after `timeoutMs`. */
export type ClockFetch = (url: URL, timeoutMs: number) => Promise<string | null>;

/** The most header bytes a clock server may send; the body is never read (HEAD). */
export const CLOCK_CHECK_MAX_HEADER_BYTES = 8 * 1024;
/** How long the clock check waits for an answer. */
export const CLOCK_CHECK_TIMEOUT_MS = 3_000;

/** What a ClockFetch rejects with when the server did not answer in time. */
export class ClockTimeout extends Error {}

/** One HEAD request: no redirects followed, headers capped, body discarded, bounded in time. Resolves the Date header. */
function headDate(url: URL, timeoutMs: number): Promise<string | null> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD', maxHeaderSize: CLOCK_CHECK_MAX_HEADER_BYTES, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(typeof res.headers.date === 'string' ? res.headers.date : null);
      req.destroy();
    });
    const timer = setTimeout(() => req.destroy(new ClockTimeout()), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new ClockTimeout()));
    req.on('error', reject);
    req.end();
  });
}

function describe(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  return `${seconds} s ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
}

/**
 * Asks `url` (only the server the user typed, over https) for its time: a HEAD request whose
 * Date header has 1 s resolution, so the request's midpoint plus half a second is compared.
 * Bounded in time and size, so a hostile or slow server costs at most a message.
 */
export async function checkSystemClock(
  url: string,
  options: ClockCheckOptions = {},
): Promise<ClockCheck> {
  const { timeoutMs = CLOCK_CHECK_TIMEOUT_MS, toleranceMs = 5_000, clock = Date.now, fetchDate = headDate } = options;
  if (!isClockCheckUrl(url))
    throw new UserError('invalid-input', 'The clock check only asks an https:// server. Change the address in Settings.');
  const server = new URL(url).host;
  const sent = clock();
  let dateHeader: string | null;
  try {
    dateHeader = await fetchDate(new URL(url), timeoutMs);
  } catch (error) {
    const timedOut = error instanceof ClockTimeout;
    throw new UserError(
      'io',
      timedOut
        ? `${server} did not answer within ${Math.round(timeoutMs / 1000)} s. Check the address and your connection, or turn the clock check off.`
        : `Could not reach ${server} to check the clock. Check the address and your connection, or turn the clock check off.`,
    );
  }
  const received = clock();
  const date = Date.parse(dateHeader ?? '');
  if (Number.isNaN(date)) {
    throw new UserError(
      'io',
      `${server} answered without a usable Date header. Choose another server for the clock check.`,
    );
  }
  const offsetMs = Math.round(date + 500 - (sent + received) / 2);
  const ok = Math.abs(offsetMs) < toleranceMs;
  const fix =
    Math.abs(offsetMs) <= MAX_CLOCK_OFFSET_MS
      ? `Fix the system time, or use a clock offset of ${offsetMs > 0 ? '+' : '−'}${Math.round(Math.abs(offsetMs) / 1000)} s.`
      : `Fix the system time (a clock offset corrects at most ${MAX_CLOCK_OFFSET_MS / 60_000} minutes).`;
  const message = ok
    ? `Your clock agrees with ${server} (within ${Math.round(toleranceMs / 1000)} s).`
    : `Your clock is ${describe(offsetMs)} ${server}, so codes may be refused. ${fix}`;
  return { server, offsetMs, ok, message };
}
