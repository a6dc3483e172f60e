import { afterEach, describe, expect, it, vi } from 'vitest';

// Electron's net can't run here: a stand-in records what the clock check asks of net.fetch.
const net = vi.hoisted(() => ({
  calls: [] as { url: string; init: RequestInit }[],
  answer: (_init: RequestInit): Promise<Response> => Promise.resolve(new Response(null)),
}));
vi.mock('electron', () => ({
  net: {
    fetch: (url: string, init: RequestInit) => (net.calls.push({ url, init }), net.answer(init)),
  },
}));

const { netHeadDate } = await import('../../electron/main/clock-fetch');
const { checkSystemClock } = await import('../../electron/time-check');
const { createDeskHandlers } = await import('../../electron/adapters/desk-handlers');

afterEach(() => (net.calls.length = 0));

describe("the app's clock check goes through Electron's net (the system proxy)", () => {
  it('one HEAD request, no redirects, no cookies; the Date header gives the offset', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    net.answer = () =>
      Promise.resolve(
        new Response(null, { headers: { date: new Date(now + 60_000).toUTCString() } }),
      );
    const result = await checkSystemClock('https://time.example/', {
      fetchDate: netHeadDate,
      clock: () => now,
    });
    expect(net.calls).toEqual([
      {
        url: 'https://time.example/',
        init: expect.objectContaining({ method: 'HEAD', redirect: 'manual', credentials: 'omit' }),
      },
    ]);
    expect(result).toMatchObject({ server: 'time.example', ok: false });
    expect(Math.round(result.offsetMs / 1000)).toBe(61);
  });

  it('a server that never answers costs the timeout and a readable message', async () => {
    net.answer = (init) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    await expect(
      checkSystemClock('https://slow.example/', { fetchDate: netHeadDate, timeoutMs: 50 }),
    ).rejects.toThrow(/slow\.example did not answer within 0 s/);
  });

  it('the clock handler uses the fetch main gives it', async () => {
    const asked: string[] = [];
    const settings: Record<string, unknown> = {
      timeCheckEnabled: true,
      timeCheckUrl: 'https://time.example/',
    };
    const host = { get: () => ({ setting: (key: string) => settings[key] }) };
    const handlers = createDeskHandlers(host as never, {
      clockFetch: (url) => (asked.push(url.href), Promise.resolve(new Date().toUTCString())),
    });
    await Promise.resolve(handlers.clock.check()).catch(() => undefined);
    expect(asked).toEqual(['https://time.example/']);
  });
});
