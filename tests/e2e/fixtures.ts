import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';

/** A bridge process serving the real renderer over a fresh vault of its own. */
export interface BridgeApp {
  readonly url: string;
  readonly vaultDir: string;
  /** Opens the app in `page` (after any clock setup). */
  open(page: Page): Promise<void>;
}

const SERVER = join(process.cwd(), 'dist', 'bridge', 'server.cjs');

async function startBridge(vaultDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER, '--vault', vaultDir], { stdio: ['ignore', 'pipe', 'inherit'] });
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

export const test = base.extend<{ app: BridgeApp }>({
  app: async ({}, use) => {
    const vaultDir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-vault-'));
    const { child, url } = await startBridge(vaultDir);
    await use({ url, vaultDir, open: async (page) => void (await page.goto(url)) });
    child.kill('SIGTERM');
    rmSync(vaultDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
