/**
 * Test-only loopback bridge: serves the built renderer and forwards `window.otpDesk` calls
 * to the real AuthenticatorService, so Playwright can drive the real UI in Debian's Chromium
 * where Electron's binary is unavailable. Never shipped in the app.
 *
 * Protection: binds 127.0.0.1 only; every call needs the random token from the URL fragment in
 * a custom header (so other origins can't call it without a CORS preflight we never answer);
 * the Host header must be ours (no DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { findHandler, toApiResult } from '../../../electron/adapters/api-handlers';
import { MemoryKeyStore, type KeyStore } from '../../../electron/vault/keychain';
import { KeytarKeyStore } from '../../../electron/vault/keychain-keytar.node';
import { bridgeRefusal } from './bridge-mode';
import { BridgeSession, type SessionOptions } from './session';

const { values } = parseArgs({
  options: {
    vault: { type: 'string' },
    port: { type: 'string', default: '0' },
    'memory-keychain': { type: 'boolean' },
    'renderer-dir': { type: 'string' },
    // The explicit test answer to main's "let this secret leave?" question (the app shows a native dialog).
    'confirm-secrets': { type: 'string' },
    // Test-only: the e2e harness's endpoints (main's clock, idle, the dialog's answer, heap snapshots, a fresh vault).
    'test-harness': { type: 'boolean' },
  },
});
const testHarness = values['test-harness'] === true;

const distDir = join(__dirname, '..');
const rendererDir = values['renderer-dir'] ?? join(distDir, 'renderer');
const token = randomBytes(24).toString('base64url');
const keyStore: KeyStore = values['memory-keychain'] ? new MemoryKeyStore() : new KeytarKeyStore();
// A throwaway keychain (in memory, or scripts/with-keyring.mjs's temporary keyring) on the real
// vault would leave a vault whose key is gone at exit (or open the user's vault against a keyring
// that isn't theirs): without --vault, a throwaway look gets a throwaway vault too.
const throwawayKeychain = values['memory-keychain'] === true || process.env['OTP_DESK_THROWAWAY_KEYRING'] === '1';
const vaultArg =
  throwawayKeychain && !values.vault
    ? mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'otp-desk-preview-'))
    : values.vault;
const refusal = bridgeRefusal({ testHarness, throwawayKeychain, vault: values.vault, confirmSecrets: values['confirm-secrets'] });
if (refusal) {
  console.error(`otp-desk bridge: ${refusal}`);
  process.exit(2);
}
// Heap snapshots hold main's secrets: they go only to this run's own temporary folder.
const heapDir = testHarness ? mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'otp-desk-bridge-heap-')) : undefined;
const eventStreams = new Set<ServerResponse>();
const sessionOptions: SessionOptions = {
  keyStore,
  testHarness,
  confirmSecrets: values['confirm-secrets'] === 'allow',
  notify: () => {
    for (const stream of eventStreams) stream.write('data: changed\n\n');
  },
};
let session: BridgeSession;

/**
 * The harness's fresh start for the next test: closes this vault's session (its pages' event
 * streams end) and opens `vault` with every answer and counter back at its start. Refused for a
 * user's own vault, like --vault.
 */
async function resetSession(body: Record<string, unknown>): Promise<{ ok: boolean; message?: string }> {
  const vault = typeof body['vault'] === 'string' ? body['vault'] : '';
  const confirmSecrets = typeof body['confirmSecrets'] === 'string' ? body['confirmSecrets'] : 'allow';
  const why = bridgeRefusal({ testHarness, throwawayKeychain, vault, confirmSecrets });
  if (why) return { ok: false, message: why };
  await session.close();
  for (const stream of eventStreams) stream.end();
  eventStreams.clear();
  session = await BridgeSession.open(vault, { ...sessionOptions, confirmSecrets: confirmSecrets === 'allow' });
  return { ok: true };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

function tokenMatches(candidate: string | null | undefined): boolean {
  const a = Buffer.from(candidate ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 160 * 1024 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(path: string, res: ServerResponse): Promise<void> {
  const isClient = path === '/bridge-client.js';
  const file =
    isClient
      ? join(distDir, 'renderer-bridge', 'bridge-client.js')
      : normalize(join(rendererDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
  if (!isClient && !file.startsWith(rendererDir + sep)) return void res.writeHead(403).end();
  try {
    let body: Buffer | string = await readFile(file);
    if (file.endsWith('index.html')) {
      // The bridge client must define window.otpDesk before the app's module script runs.
      body = body.toString('utf8').replace('<script type="module"', '<script type="module" src="./bridge-client.js"></script>\n    <script type="module"');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}

const server = createServer((req, res) => {
  void (async () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return void res.writeHead(421).end();
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/__bridge/call' && req.method === 'POST') {
      if (!tokenMatches(req.headers['x-bridge-token'] as string | undefined)) return void res.writeHead(403).end();
      const { namespace, method, args } = JSON.parse(await readBody(req)) as { namespace: string; method: string; args: unknown[] };
      const pageClock = Number(req.headers['x-bridge-clock']);
      if (testHarness && Number.isFinite(pageClock) && pageClock > 0) session.clockOffsetMs = pageClock - Date.now();
      const current = session;
      const handler = findHandler(current.handlers, namespace, method);
      const result = handler
        ? await current.run(() => toApiResult(() => handler(...(Array.isArray(args) ? args : []))))
        : { ok: false, error: { kind: 'internal', message: `No such method ${namespace}.${method}.` } };
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null));
    }
    // Everything below but the event stream is the test harness's: the preview answers 404.
    if (!testHarness && url.pathname !== '/__bridge/events' && url.pathname.startsWith('/__bridge/')) return void res.writeHead(404).end();
    if (url.pathname.startsWith('/__bridge/test/') && req.method === 'POST') {
      if (!tokenMatches(req.headers['x-bridge-token'] as string | undefined)) return void res.writeHead(403).end();
      const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
      let result: unknown;
      if (url.pathname === '/__bridge/test/idle') {
        // Simulated idle time, then one check of the idle locker (the app polls every 15 s).
        session.simulatedIdleSeconds = Number(body['seconds']) || 0;
        result = { locked: session.idleLocker.check() };
      } else if (url.pathname === '/__bridge/test/screen-locked') {
        result = { locked: session.host.autoLock('screen-locked') };
      } else if (url.pathname === '/__bridge/test/confirm-secrets') {
        session.confirmAnswer = body['answer'] === 'allow';
        result = { answer: session.confirmAnswer ? 'allow' : 'deny' };
      } else if (url.pathname === '/__bridge/test/confirmations') {
        result = session.asked;
      } else if (url.pathname === '/__bridge/test/browser-confirm') {
        session.browserConfirm = body['answer'] === 'allow';
        result = { answer: session.browserConfirm ? 'allow' : 'deny' };
      } else if (url.pathname === '/__bridge/test/browser-unlock-prompts') {
        result = { count: session.unlockPrompts };
      } else if (url.pathname === '/__bridge/test/heap-snapshot') {
        // A --inspect-free snapshot of this (main's stand-in) process, for the secret search; never where the request says.
        result = { path: writeHeapSnapshot(join(heapDir!, `bridge-${process.pid}-${Date.now()}.heapsnapshot`)) };
      } else if (url.pathname === '/__bridge/test/reset') {
        result = await resetSession(body);
      } else return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    }
    if (url.pathname === '/__bridge/open-link' && req.method === 'POST') {
      if (!tokenMatches(req.headers['x-bridge-token'] as string | undefined)) return void res.writeHead(403).end();
      const arrival = session.inbox.receive(await readBody(req), session.host.status().state === 'unlocked');
      for (const stream of eventStreams) stream.write('data: changed\n\n');
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(arrival));
    }
    if (url.pathname === '/__bridge/panel-hides') {
      if (!tokenMatches(req.headers['x-bridge-token'] as string | undefined)) return void res.writeHead(403).end();
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(session.panelHides));
    }
    if (url.pathname === '/__bridge/events') {
      if (!tokenMatches(url.searchParams.get('token'))) return void res.writeHead(403).end();
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      eventStreams.add(res);
      req.on('close', () => eventStreams.delete(res));
      return;
    }
    return serveStatic(url.pathname, res);
  })().catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

void BridgeSession.open(vaultArg, sessionOptions).then((opened) => {
  session = opened;
  server.listen(Number(values.port), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(`BRIDGE_URL=http://127.0.0.1:${port}/#token=${token}`);
    if (vaultArg !== values.vault)
      console.log(`(--memory-keychain: a throwaway vault in ${vaultArg}, deleted at exit)`);
  });
});

const shutdown = () => {
  void session?.close(false);
  if (vaultArg !== values.vault) rmSync(vaultArg!, { recursive: true, force: true });
  if (heapDir) rmSync(heapDir, { recursive: true, force: true });
  for (const stream of eventStreams) stream.end();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
