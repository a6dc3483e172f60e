import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_CHECK_MAX_HEADER_BYTES, checkSystemClock } from '../../electron/time-check';

let server: Server | undefined;

/** A tiny HTTP server on 127.0.0.1 whose Date header is `skewMs` off the real clock (or that never answers). */
async function serve(skewMs: number | 'silent' | 'no-date'): Promise<string> {
  server = createServer((_req, res) => {
    if (skewMs === 'silent') return;
    if (skewMs === 'no-date') res.sendDate = false;
    else res.setHeader('Date', new Date(Date.now() + skewMs).toUTCString());
    res.end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

afterEach(async () => {
  server?.closeAllConnections();
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

describe('system clock check against an HTTP Date header', () => {
  it('agrees when the server has our time', async () => {
    const result = await checkSystemClock(await serve(0));
    expect(result.ok).toBe(true);
    expect(Math.abs(result.offsetMs)).toBeLessThan(1_500);
    expect(result.message).toMatch(/agrees/);
  });

  it('warns, with the size and direction, when the system clock is behind', async () => {
    const result = await checkSystemClock(await serve(90_000));
    expect(result.ok).toBe(false);
    expect(result.offsetMs).toBeGreaterThan(88_000);
    expect(result.offsetMs).toBeLessThan(92_000);
    expect(result.message).toMatch(/\b(89|90|91) s behind 127\.0\.0\.1/);
  });

  it('beyond what a clock offset may correct (15 min), asks to fix the system time and offers no offset', async () => {
    const result = await checkSystemClock(await serve(2 * 3600_000));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Fix the system time \(a clock offset corrects at most 15 minutes\)/);
    expect(result.message).not.toMatch(/use a clock offset/);
  });

  it('gives up after the timeout with a message that says what to do', async () => {
    const started = Date.now();
    await expect(checkSystemClock(await serve('silent'), { timeoutMs: 300 })).rejects.toThrow(
      /did not answer within .*turn the clock check off/,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('waits 3 s by default for a silent server, and not a moment longer than it says', async () => {
    const url = await serve('silent');
    const asked = new Promise<void>((resolve) => server!.once('request', () => resolve()));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled: unknown;
      const check = checkSystemClock(url).catch((error: unknown) => (settled = error));
      await asked;
      await vi.advanceTimersByTimeAsync(2_900);
      expect(settled).toBeUndefined();
      await vi.advanceTimersByTimeAsync(200);
      await check;
      expect(settled).toMatchObject({
        kind: 'io',
        message: expect.stringMatching(/did not answer within 3 s/),
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the server sends no Date header', async () => {
    await expect(checkSystemClock(await serve('no-date'))).rejects.toThrow(
      /without a usable Date header/,
    );
  });
});

describe('what the clock check may contact', () => {
  it('refuses plain http to another machine, and credentials in the address', async () => {
    await expect(checkSystemClock('http://example.com/')).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/https/),
    });
    await expect(checkSystemClock('https://user:pw@example.com/')).rejects.toMatchObject({
      kind: 'invalid-input',
    });
  });

  /** A server whose answer carries `bytes` of padding headers besides its Date. */
  async function serveHeaders(bytes: number): Promise<string> {
    server = createServer((_req, res) => {
      res.setHeader('X-Padding', 'a'.repeat(bytes));
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  // Node itself refuses more than 16 KiB of headers, so only a size between 8 and 16 KiB shows
  // that the clock check's own cap of 8 KiB is in force.
  it('stops reading a server that sends more than 8 KiB of headers (12 KiB: under Node\u2019s own 16 KiB)', async () => {
    expect(CLOCK_CHECK_MAX_HEADER_BYTES).toBe(8 * 1024);
    await expect(checkSystemClock(await serveHeaders(12 * 1024))).rejects.toMatchObject({
      kind: 'io',
      message: expect.stringMatching(/Could not reach/),
    });
  });

  it('still reads a server whose headers fit in the cap (6 KiB)', async () => {
    const result = await checkSystemClock(await serveHeaders(6 * 1024));
    expect(result.ok).toBe(true);
  });
});
