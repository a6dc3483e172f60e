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
async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#root > :not(.loading)').first().waitFor();
}

export const test = base.extend<{ app: BridgeApp; seed: { readonly accounts: readonly SeedAccount[] } }>({
  /** Accounts put in the vault before the bridge opens it: test.use({ seed: { accounts } }) (an object, since Playwright reads an array as [value, options]). */
  seed: [{ accounts: [] }, { option: true }],
  app: async ({ seed }, use) => {
    const vaultDir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-vault-'));
    if (seed.accounts.length > 0) await seedVault(vaultDir, seed.accounts);
    const { child, url } = await startBridge(vaultDir);
    await use({ url, vaultDir, open: (page) => openApp(page, url) });
    child.kill('SIGTERM');
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
