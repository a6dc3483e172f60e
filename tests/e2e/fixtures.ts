import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
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
 * Starts the bridge over `vaultDir` and waits for the URL it serves; kill `child` to stop it.
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

export const test = base.extend<
  { app: BridgeApp; seed: { readonly accounts: readonly SeedAccount[] }; ownBridge: boolean },
  { bridge: WorkerBridge }
>({
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
      started?.child.kill('SIGTERM');
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
    if (own) own.child.kill('SIGTERM');
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
