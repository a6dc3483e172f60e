import { chmod, mkdir, unlink } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { dirname } from 'node:path';
import type { BrowserChannel } from './browser-channel';
import { MAX_WIRE_MESSAGE_BYTES } from './protocol';

/** Whether another OTP Desk already answers on this socket (then this one leaves it alone). */
function inUse(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => (probe.destroy(), resolve(true)));
    probe.once('error', () => resolve(false));
  });
}

/**
 * Listens on the user-only socket for the native host (one JSON message per line each way).
 * Returns undefined when another running OTP Desk already holds the socket.
 */
export async function listenForBrowsers(path: string, channel: BrowserChannel): Promise<Server | undefined> {
  if (process.platform !== 'win32') {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await chmod(dirname(path), 0o700);
    if (await inUse(path)) return undefined;
    await unlink(path).catch(() => undefined);
  }
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffered = '';
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > MAX_WIRE_MESSAGE_BYTES * 4) return void socket.destroy();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        let message: unknown;
        try {
          message = JSON.parse(line);
        } catch {
          continue;
        }
        void channel.handle(message).then((answer) => {
          if (!socket.destroyed) socket.write(JSON.stringify(answer) + '\n');
        });
      }
    });
    socket.on('error', () => undefined);
  });
  // The folder (0700) keeps other users out from the first moment; the socket itself is then made 0600.
  // (Not process.umask: it is process-wide, and the vault may be writing files at the same time.)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  if (process.platform !== 'win32') await chmod(path, 0o600);
  server.unref();
  return server;
}
