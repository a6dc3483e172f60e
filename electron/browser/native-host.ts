/**
 * The native messaging host the browser starts for our extension (dist/browser-host/host.cjs,
 * run by the launcher `otp-desk browser install-host` writes). It only relays: browser stdio
 * (4-byte length + JSON) ⇄ the running app's user-only socket (one JSON object per line). It
 * holds no keys and reads no vault; it refuses every caller but our extension ids, which the
 * browser passes as arguments (Chromium: the origin; Firefox: manifest path, then the add-on id).
 */
import { connect, type Socket } from 'node:net';
import { CHROMIUM_EXTENSION_ORIGIN, FIREFOX_EXTENSION_ID } from './extension-id';
import { MAX_WIRE_MESSAGE_BYTES } from './protocol';

const args = process.argv.slice(2);
const allowed = args[0] === CHROMIUM_EXTENSION_ORIGIN || args[1] === FIREFOX_EXTENSION_ID;
const socketPath = process.env['OTP_DESK_BROWSER_SOCKET'] ?? '';

function writeNative(message: unknown): void {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  process.stdout.write(Buffer.concat([header, body]));
}

const NOT_RUNNING = 'OTP Desk is not running. Start OTP Desk, then fill again.';

if (!allowed) {
  // Another extension (the browser should never start us for one; a manifest edited by hand might).
  writeNative({ id: 0, kind: 'refused', message: 'OTP Desk answers only its own extension.' });
  process.exit(1);
}

let app: Socket | undefined;
let fromApp = '';

function appSocket(): Socket {
  if (app && !app.destroyed) return app;
  const socket = connect(socketPath);
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    fromApp += chunk;
    if (fromApp.length > MAX_WIRE_MESSAGE_BYTES * 2) socket.destroy();
    let newline: number;
    while ((newline = fromApp.indexOf('\n')) >= 0) {
      const line = fromApp.slice(0, newline);
      fromApp = fromApp.slice(newline + 1);
      if (line.length === 0 || line.length > MAX_WIRE_MESSAGE_BYTES) continue;
      const message = JSON.parse(line) as { id?: unknown };
      if (typeof message.id === 'number') inFlight.delete(message.id);
      writeNative(message);
    }
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    for (const id of inFlight) writeNative({ id, kind: 'refused', message: NOT_RUNNING });
    inFlight.clear();
    fromApp = '';
  });
  app = socket;
  return socket;
}

const inFlight = new Set<number>();
let fromBrowser = Buffer.alloc(0);

function relay(message: unknown): void {
  const id = (message as { id?: unknown })?.id;
  if (typeof id !== 'number') return;
  inFlight.add(id);
  appSocket().write(JSON.stringify(message) + '\n');
}

process.stdin.on('data', (chunk: Buffer) => {
  fromBrowser = Buffer.concat([fromBrowser, chunk]);
  while (fromBrowser.length >= 4) {
    const length = fromBrowser.readUInt32LE(0);
    if (length > MAX_WIRE_MESSAGE_BYTES) process.exit(1);
    if (fromBrowser.length < 4 + length) return;
    const body = fromBrowser.subarray(4, 4 + length).toString('utf8');
    fromBrowser = fromBrowser.subarray(4 + length);
    try {
      relay(JSON.parse(body));
    } catch {
      // Not JSON: nothing to answer.
    }
  }
});
// The browser closes stdin when the extension lets go of the port.
process.stdin.on('end', () => process.exit(0));
