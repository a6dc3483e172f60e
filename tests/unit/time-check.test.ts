import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSystemClock } from '../../electron/time-check';

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

  it('stops reading a server that sends more than 8 KiB of headers', async () => {
    server = createServer((_req, res) => {
      res.setHeader('X-Padding', 'a'.repeat(64 * 1024));
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await expect(checkSystemClock(url)).rejects.toMatchObject({
      kind: 'io',
      message: expect.stringMatching(/Could not reach/),
    });
  });
});
