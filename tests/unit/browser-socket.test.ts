import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserChannel } from '../../electron/browser/browser-channel';
import { listenForBrowsers } from '../../electron/browser/channel-server.node';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const echo = { handle: async (m: unknown) => ({ id: (m as { id: number }).id, kind: 'refused', message: 'test' }) } as unknown as BrowserChannel;

describe.skipIf(process.platform === 'win32')('the app socket the native host talks to', () => {
  it('is reachable only by this user (folder 0700, socket 0600) and answers line by line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'browser-socket-'));
    dirs.push(dir);
    const path = join(dir, 'run', 'browser.sock');
    const server = (await listenForBrowsers(path, echo))!;
    expect(statSync(join(dir, 'run')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(path, () => socket.write('{"id":7,"kind":"pair"}\n'));
      socket.setEncoding('utf8');
      socket.once('data', (data: string) => (socket.destroy(), resolve(data)));
    });
    expect(JSON.parse(answer)).toEqual({ id: 7, kind: 'refused', message: 'test' });
    // A second OTP Desk on the same vault leaves the running one's socket alone.
    expect(await listenForBrowsers(path, echo)).toBeUndefined();
    server.close();
  });
});
