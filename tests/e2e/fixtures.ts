import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { seedVault, type SeedAccount } from './seed';

/** A bridge process serving the real renderer over a fresh vault of its own. */
export interface BridgeApp {
  readonly url: string;
  readonly vaultDir: string;
  /** Opens the app in `page` (after any clock setup). */
  open(page: Page): Promise<void>;
}

const SERVER = join(process.cwd(), 'dist', 'bridge', 'server.cjs');

/**
 * Starts the bridge over `vaultDir` and waits for the URL it serves; `stopBridge(child)` stops it.
 * By default the bridge answers main's "let this secret leave?" question with yes, standing in
 * for the user clicking Export/Show in the app's native dialog (`--confirm-secrets deny` to refuse).
 */
export async function startBridge(vaultDir: string, extraArgs: readonly string[] = ['--confirm-secrets', 'allow']): Promise<{ child: ChildProcess; url: string }> {
  // --test-harness: the test endpoints exist only with it, and the bridge refuses it on a user's own vault.
  const child = spawn(process.execPath, [SERVER, '--test-harness', '--vault', vaultDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /BRIDGE_URL=(\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`bridge exited with ${code}; run npm run build first`)));
  });
  return { child, url };
}

/**
 * Stops a bridge and waits for it to exit, so a vault folder it was writing into (its device file,
 * a backup, the lock) can be deleted after: deleting while it still wrote failed with ENOTEMPTY.
 */
export async function stopBridge(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Loads the app and waits until it has main's status: its window-wide keys and paste handlers exist
 * only from then on, so a key pressed earlier (as a loaded runner can) would go nowhere.
 */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#root > :not(.loading)').first().waitFor();
}

/** One bridge process per Playwright worker, started by its first test and given a fresh vault per test. */
interface WorkerBridge {
  /** Points the bridge at `vaultDir` (starting it the first time) and returns the URL it serves. */
  serve(vaultDir: string): Promise<string>;
  /** Closes the current test's vault (its watchers and browser socket) so its folder can go. */
  release(): Promise<void>;
}

async function harnessPost(url: string, path: string, body: unknown): Promise<unknown> {
  const token = new URL(url).hash.replace('#token=', '');
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'x-bridge-token': token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`bridge ${path} answered ${response.status}`);
  return response.json();
}

/**
 * One browser context per worker, holding every test's page (a test's own page, closed after it).
 * A new context cost ~0.5 CPU-seconds in Chromium (a window, its processes) and a new renderer
 * process as much again: with Chromium's --process-per-site and a blank page of this site kept
 * open, each test's page joins the renderer that is already running. A test that changes the
 * context for longer than its page (Playwright's clock, permissions, routes, init scripts) gets it
 * replaced by a new one after it, so the next test starts clean.
 */
interface SharedContext {
  get(): Promise<BrowserContext>;
  release(): Promise<void>;
}

/**
 * Permissions every shared context has from the start: the clipboard, which a third of the specs
 * ask for. Granting them per test changed the context, so each of those tests paid for a new one.
 */
const SHARED_PERMISSIONS = ['clipboard-read', 'clipboard-write'] as const;

/** Context methods whose effect outlives the page that asked. */
const LASTING_CONTEXT_CALLS = ['grantPermissions', 'route', 'routeFromHAR', 'routeWebSocket', 'addInitScript', 'exposeBinding', 'exposeFunction', 'setExtraHTTPHeaders', 'setGeolocation', 'setOffline', 'setHTTPCredentials', 'addCookies'] as const;
const CLOCK_CALLS = ['install', 'setFixedTime', 'setSystemTime', 'pauseAt', 'runFor', 'fastForward', 'resume'] as const;

/** Wraps `target`'s methods `names` so that calling any of them runs `onCall` first. */
function noteCalls(target: object, names: readonly string[], onCall: () => void): void {
  const methods = target as Record<string, unknown>;
  for (const name of names) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = (...args: unknown[]) => {
      onCall();
      return (original as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
}

async function openSharedContext(browser: Browser): Promise<SharedContext & { close(): Promise<void> }> {
  // A blank page of the app's site (127.0.0.1, any port) keeps the site's renderer process alive between tests.
  const keeperServer = createServer((_req, res) => res.end('<!doctype html><title>keeper</title>'));
  await new Promise<void>((resolve) => keeperServer.listen(0, '127.0.0.1', resolve));
  const keeperUrl = `http://127.0.0.1:${(keeperServer.address() as { port: number }).port}/`;
  let context: BrowserContext | undefined;
  let keeper: Page | undefined;
  let changed = false;
  return {
    async get() {
      if (!context) {
        context = await browser.newContext({ permissions: [...SHARED_PERMISSIONS] });
        changed = false;
        noteCalls(context, LASTING_CONTEXT_CALLS, () => (changed = true));
        noteCalls(context.clock, CLOCK_CALLS, () => (changed = true));
        keeper = await context.newPage();
        await keeper.goto(keeperUrl);
      }
      return context;
    },
    async release() {
      if (!context) return;
      if (changed) {
        await context.close();
        context = undefined;
        return;
      }
      await Promise.all(context.pages().filter((p) => p !== keeper).map((p) => p.close()));
    },
    async close() {
      await context?.close();
      keeperServer.close();
    },
  };
}

export const test = base.extend<
  { app: BridgeApp; seed: { readonly accounts: readonly SeedAccount[] }; ownBridge: boolean },
  { bridge: WorkerBridge; sharedContext: SharedContext }
>({
  sharedContext: [
    async ({ browser }, use) => {
      const shared = await openSharedContext(browser);
      await use(shared);
      await shared.close();
    },
    { scope: 'worker' },
  ],
  /** The test's page, in the worker's shared context (see SharedContext), with the test's viewport and permissions. */
  page: async ({ sharedContext, viewport, permissions }, use) => {
    const context = await sharedContext.get();
    const extra = (permissions ?? []).filter((p) => !(SHARED_PERMISSIONS as readonly string[]).includes(p));
    if (extra.length > 0) await context.grantPermissions(extra);
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await use(page);
    await sharedContext.release();
  },
  bridge: [
    async ({}, use) => {
      let started: { child: ChildProcess; url: string } | undefined;
      // Between tests the bridge holds a scratch vault of its own, so no test's folder stays open.
      const idleVault = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-idle-'));
      const reset = async (vault: string) => {
        const answer = (await harnessPost(started!.url, '/__bridge/test/reset', { vault })) as { ok: boolean; message?: string };
        if (!answer.ok) throw new Error(`bridge refused the vault: ${answer.message}`);
      };
      await use({
        serve: async (vaultDir) => {
          if (!started) started = await startBridge(vaultDir);
          else await reset(vaultDir);
          return started.url;
        },
        release: async () => {
          if (started) await reset(idleVault);
        },
      });
      if (started) await stopBridge(started.child);
      rmSync(idleVault, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
    { scope: 'worker' },
  ],
  /** Accounts put in the vault before the bridge opens it: test.use({ seed: { accounts } }) (an object, since Playwright reads an array as [value, options]). */
  seed: [{ accounts: [] }, { option: true }],
  /** A bridge process of the test's own, for a test about that process itself (its heap, its memory). */
  ownBridge: [false, { option: true }],
  app: async ({ seed, bridge, ownBridge }, use) => {
    const vaultDir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-vault-'));
    if (seed.accounts.length > 0) await seedVault(vaultDir, seed.accounts);
    const own = ownBridge ? await startBridge(vaultDir) : undefined;
    const url = own?.url ?? (await bridge.serve(vaultDir));
    await use({ url, vaultDir, open: (page) => openApp(page, url) });
    if (own) await stopBridge(own.child);
    else await bridge.release();
    // Windows: the service's fs.watch may still hold the folder a moment (EBUSY/EPERM); rmSync retries those.
    rmSync(vaultDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  },
});

export { expect } from '@playwright/test';

/**
 * Where a screenshot for people goes: test-results/screenshots normally, docs/screenshots (the
 * README's pictures) when run with UPDATE_SCREENSHOTS=1, so ordinary test runs leave the tree clean.
 */
export function screenshotPath(name: string): string {
  return join(process.env['UPDATE_SCREENSHOTS'] ? 'docs/screenshots' : 'test-results/screenshots', name);
}
