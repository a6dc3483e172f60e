import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CHROMIUM_EXTENSION_ORIGIN } from '../../electron/browser/extension-id';
import type { WireResponse } from '../../electron/browser/protocol';
import { crossOriginFramePage, reactPage, STATIC_PAGES } from './browser-fill-pages';

/** The https and http test servers: every host name maps to them (--host-resolver-rules). */
export async function startPageServers(): Promise<{ httpsPort: number; httpPort: number; close(): void }> {
  const react = await reactPage();
  let httpsPort = 0;
  const handler = (req: { url?: string }, res: import('node:http').ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const html = path === '/react' ? react : path === '/frame-github' ? crossOriginFramePage(`https://github.com:${httpsPort}/otc`) : STATIC_PAGES[path];
    if (!html) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  };
  const tls = join(process.cwd(), 'tests/fixtures/browser-fill');
  const https = createHttpsServer({ key: readFileSync(join(tls, 'test-only-key.pem')), cert: readFileSync(join(tls, 'test-only-cert.pem')) }, handler);
  const http: Server = createHttpServer(handler);
  await Promise.all([new Promise<void>((r) => https.listen(0, '127.0.0.1', r)), new Promise<void>((r) => http.listen(0, '127.0.0.1', r))]);
  httpsPort = (https.address() as AddressInfo).port;
  return { httpsPort, httpPort: (http.address() as AddressInfo).port, close: () => (https.close(), http.close()) };
}

/** `oathtool --totp` for a base32 secret at a unix time: the independent truth for every fill. */
export function oathtool(secret: string, atMs: number): string {
  const result = spawnSync('oathtool', ['--totp', '-b', secret, '-N', `@${Math.floor(atMs / 1000)}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`oathtool failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Talks to the installed host the way the browser does (4-byte length + JSON on stdio), for the
 * checks a real extension can't make: replays, tampering, stale messages, another caller id.
 */
export class DirectHost {
  private readonly child;
  private buffer = Buffer.alloc(0);
  private readonly answers: WireResponse[] = [];
  private waiters: (() => void)[] = [];
  exitCode: number | null = null;

  constructor(launcher: string, origin = CHROMIUM_EXTENSION_ORIGIN) {
    this.child = spawn(launcher, [origin], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 4 && this.buffer.length >= 4 + this.buffer.readUInt32LE(0)) {
        const length = this.buffer.readUInt32LE(0);
        this.answers.push(JSON.parse(this.buffer.subarray(4, 4 + length).toString('utf8')) as WireResponse);
        this.buffer = this.buffer.subarray(4 + length);
      }
      this.waiters.splice(0).forEach((w) => w());
    });
    this.child.on('exit', (code) => {
      this.exitCode = code;
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message));
    const header = Buffer.alloc(4);
    header.writeUInt32LE(body.length);
    this.child.stdin.write(Buffer.concat([header, body]));
  }

  /** The next answer (or undefined when the host exited without one). */
  async next(timeoutMs = 10_000): Promise<WireResponse | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.answers.length === 0 && this.exitCode === null && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.answers.shift();
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}
