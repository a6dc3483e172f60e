/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * browserFillMs: the shortcut's trigger leaving the extension's service worker → the code in the
 * page's field (the page's own input listener), through the native host, the socket and the app
 * (the bridge), in Debian's Chromium with the unpacked extension. Median of 15 fills.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { CHROMIUM_EXTENSION_ID } from '../../electron/browser/extension-id';
import { runCli } from '../support/cli';
import { startPageServers } from '../e2e/browser-fill-helpers';
import { seedVault } from '../e2e/seed';
import type { BenchPart } from './figures';
import { startBridge } from './ui-bench';

const FILLS = 15;

async function call(url: string, namespace: string, method: string, ...args: unknown[]): Promise<unknown> {
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;
  const response = await fetch(new URL('/__bridge/call', url), { method: 'POST', headers: { 'x-bridge-token': token }, body: JSON.stringify({ namespace, method, args }) });
  return ((await response.json()) as { value?: unknown }).value;
}

export async function runBrowserBench(): Promise<BenchPart> {
  const { chromium } = createRequire(join(process.cwd(), 'package.json'))('@playwright/test') as typeof import('@playwright/test');
  const vaultDir = mkdtempSync(join(tmpdir(), 'bench-browser-vault-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'bench-browser-profile-'));
  await seedVault(vaultDir, [{ issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' }]);
  runCli(vaultDir, 'browser', 'sites', 'GitHub', '--add', 'github.com');
  runCli(vaultDir, 'browser', 'install-host', '--browser', 'chromium', '--profile', profileDir);
  const bridge = await startBridge(vaultDir);
  const pages = await startPageServers();
  const extension = join(process.cwd(), 'dist/extension');
  let context: BrowserContext | undefined;
  try {
    // No waiting for the next code in the last seconds of a period: this measures the channel.
    await call(bridge.url, 'settings', 'set', { browserNextCodeSeconds: 0 });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      headless: false,
      args: ['--headless=new', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors', '--no-sandbox', '--disable-gpu'],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${CHROMIUM_EXTENSION_ID}/popup.html`);
    await popup.getByRole('button', { name: 'Pair with OTP Desk' }).click();
    await popup.locator('#code').filter({ hasText: /\d/ }).waitFor();
    const [pending] = (await call(bridge.url, 'browser', 'pendingPairings')) as { id: string }[];
    await call(bridge.url, 'browser', 'confirmPairing', pending!.id, true);
    await popup.close();
    const page = await context.newPage();
    const times: number[] = [];
    for (let i = 0; i < FILLS + 1; i++) {
      await page.goto(`https://github.com:${pages.httpsPort}/otc`);
      await page.evaluate(() => document.getElementById('field')!.addEventListener('input', () => ((window as unknown as { filledAt: number }).filledAt = performance.timeOrigin + performance.now())));
      await page.locator('#field').click();
      const triggeredAt = await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        const at = performance.timeOrigin + performance.now();
        await chrome.tabs.sendMessage(tab!.id!, { type: 'otp-desk-trigger' }, { frameId: 0 });
        return at;
      });
      await page.waitForFunction(() => (window as unknown as { filledAt?: number }).filledAt !== undefined);
      // The first fill opens the native port (starts the host); later ones reuse it, as in daily use.
      if (i > 0) times.push((await page.evaluate(() => (window as unknown as { filledAt: number }).filledAt)) - triggeredAt);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
    const p95 = Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! * 10) / 10;
    return { text: `Browser fill (trigger → code in the field, ${FILLS} fills): median ${median} ms, p95 ${p95} ms`, figures: { browserFillMs: median, browserFillP95Ms: p95 } };
  } finally {
    await context?.close();
    pages.close();
    bridge.child.kill('SIGTERM');
    rmSync(vaultDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}
