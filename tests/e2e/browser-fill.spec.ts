/// <reference types="chrome" />
/**
 * Browser fill end to end: Debian's Chromium (new headless) with the unpacked extension, the
 * native host installed into the test's own profile by `otp-desk browser install-host
 * --profile`, the bridge standing in for the running app, and test pages on 127.0.0.1 under
 * real-looking host names. Every fill is compared with oathtool at that moment.
 */
import { chromium, test, expect, type BrowserContext, type Frame, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestContext, responseContext, seal, unseal } from '../../electron/browser/channel-crypto';
import { CHROMIUM_EXTENSION_ID } from '../../electron/browser/extension-id';
import type { ResponseEnvelope } from '../../electron/browser/protocol';
import { runCli } from '../support/cli';
import { DirectHost, oathtool, startPageServers } from './browser-fill-helpers';
import { startBridge, stopBridge } from './fixtures';
import { seedVault } from './seed';

test.describe.configure({ mode: 'serial' });
test.setTimeout(60_000);

const GITHUB = { issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const AWS = { issuer: 'Amazon Web Services', account: 'admin@prod', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
const EXAMPLE = { issuer: 'Example', account: 'bob', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' };

let vaultDir: string;
let profileDir: string;
let bridge: Awaited<ReturnType<typeof startBridge>>;
let pages: Awaited<ReturnType<typeof startPageServers>>;
let context: BrowserContext;
let worker: Worker;
const launcher = () => join(vaultDir, 'browser-host', 'otp-desk-browser-host');

async function api(namespace: string, method: string, ...args: unknown[]): Promise<unknown> {
  const url = new URL(bridge.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const response = await fetch(new URL('/__bridge/call', url), { method: 'POST', headers: { 'x-bridge-token': token }, body: JSON.stringify({ namespace, method, args }) });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

async function bridgeTest(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const url = new URL(bridge.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const response = await fetch(new URL(`/__bridge/test/${path}`, url), { method: 'POST', headers: { 'x-bridge-token': token }, body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

const https = (host: string, path: string) => `https://${host}:${pages.httpsPort}${path}`;

/** Why the extension did not fill (what it showed on the page), as the service worker remembers it. */
async function lastMessage(): Promise<string> {
  return worker.evaluate(async () => String((await chrome.storage.session.get('lastMessage'))['lastMessage'] ?? ''));
}

async function clearLastMessage(): Promise<void> {
  await worker.evaluate(() => chrome.storage.session.set({ lastMessage: '' }));
}

/** Focuses the field and clicks OTP Desk's icon in it (the icon lives in the field's own frame). */
async function clickIcon(scope: Page | Frame, selector: string): Promise<void> {
  await scope.locator(selector).first().click();
  await scope.locator('[data-otp-desk-icon] button').click();
}

/** The code filled, and oathtool's codes around the moment it appeared. */
async function expectFilled(read: () => Promise<string>, secret: string, started: number): Promise<string> {
  await expect.poll(read, { timeout: 15_000 }).not.toBe('');
  const value = await read();
  const truth = new Set([oathtool(secret, started), oathtool(secret, Date.now())]);
  expect([...truth]).toContain(value);
  return value;
}

test.beforeAll(async () => {
  const root = process.env['OTP_DESK_TEST_TMP'] ?? tmpdir();
  vaultDir = mkdtempSync(join(root, 'browser-vault-'));
  profileDir = mkdtempSync(join(root, 'browser-profile-'));
  await seedVault(vaultDir, [GITHUB, AWS, EXAMPLE]);
  expect(runCli(vaultDir, 'browser', 'sites', 'GitHub', '--add', 'github.com').status).toBe(0);
  expect(runCli(vaultDir, 'browser', 'sites', 'Amazon', '--add', 'https://aws.amazon.com').status).toBe(0);
  expect(runCli(vaultDir, 'browser', 'sites', 'Example', '--add', 'example.com').status).toBe(0);
  const installed = runCli(vaultDir, 'browser', 'install-host', '--browser', 'chromium', '--profile', profileDir);
  expect(installed.stderr).toBe('');
  bridge = await startBridge(vaultDir);
  pages = await startPageServers();
  const extension = join(process.cwd(), 'dist/extension');
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  expect(new URL(worker.url()).host).toBe(CHROMIUM_EXTENSION_ID);
});

test.afterAll(async () => {
  await context?.close();
  pages?.close();
  if (bridge) await stopBridge(bridge.child);
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(vaultDir, { recursive: true, force: true });
});

test('the host manifest in the profile allows only our extension id', () => {
  const manifest = JSON.parse(readFileSync(join(profileDir, 'NativeMessagingHosts', 'com.otpdesk.browser.json'), 'utf8')) as { allowed_origins: string[]; path: string };
  expect(manifest.allowed_origins).toEqual([`chrome-extension://${CHROMIUM_EXTENSION_ID}/`]);
  expect(manifest.path).toBe(launcher());
});

test('an unpaired extension gets nothing, and says to pair', async () => {
  const page = await context.newPage();
  await page.goto(https('github.com', '/otc'));
  await clickIcon(page, '#field');
  await expect.poll(lastMessage).toContain('not paired');
  expect(await page.locator('#field').inputValue()).toBe('');
  await page.close();
});

test('pairing: both sides show the same code; after the user confirms, the browser is paired', async () => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${CHROMIUM_EXTENSION_ID}/popup.html`);
  await popup.getByRole('button', { name: 'Pair with OTP Desk' }).click();
  await expect(popup.locator('#code')).toHaveText(/^\d{3} \d{3}$/);
  const shown = (await popup.locator('#code').textContent())!.replace(' ', '');
  const pending = (await api('browser', 'pendingPairings')) as { id: string; code: string }[];
  expect(pending.map((p) => p.code)).toEqual([shown]);
  await api('browser', 'confirmPairing', pending[0]!.id, true);
  await expect(popup.locator('#status')).toContainText('Paired with OTP Desk');
  expect(((await api('browser', 'pairings')) as unknown[]).length).toBe(1);
  const listed = runCli(vaultDir, 'browser', 'pairings', '--json');
  expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: pending[0]!.id })]);
  expect(listed.stdout).not.toContain('channelKey');
  await popup.close();
});

const SINGLE_FIELD_PAGES = [
  { name: 'autocomplete="one-time-code"', host: 'github.com', path: '/otc', field: '#field', account: GITHUB },
  { name: 'a name-only field', host: 'github.com', path: '/name-only', field: '#field', account: GITHUB },
  { name: 'a field in an open shadow root', host: 'github.com', path: '/shadow', field: '#field', account: GITHUB },
  { name: 'an AWS-console-like MFA form', host: 'aws.amazon.com', path: '/aws', field: '#mfacode', account: AWS },
  { name: 'a GitHub-like two-factor form', host: 'github.com', path: '/github', field: '#app_totp', account: GITHUB },
];

for (const c of SINGLE_FIELD_PAGES) {
  test(`fills ${c.name} with oathtool's code, and the page's listeners see it`, async () => {
    const page = await context.newPage();
    await page.goto(https(c.host, c.path));
    const started = Date.now();
    await clickIcon(page, c.field);
    const value = await expectFilled(() => page.locator(c.field).inputValue(), c.account.secret, started);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toContain(value);
    expect(await page.evaluate(() => (window as unknown as { __submitted?: boolean }).__submitted)).toBeUndefined();
    await page.close();
  });
}

test('fills six split boxes, one digit each', async () => {
  const page = await context.newPage();
  await page.goto(https('github.com', '/split'));
  const started = Date.now();
  await clickIcon(page, '.box');
  const joined = async () => (await page.locator('.box').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value).join(''))).padEnd(0);
  await expect.poll(async () => (await joined()).length).toBe(6);
  await expectFilled(joined, GITHUB.secret, started);
  await page.close();
});

test('fills a React-controlled input: React state holds the code', async () => {
  const page = await context.newPage();
  await page.goto(https('github.com', '/react'));
  const started = Date.now();
  await clickIcon(page, '#field');
  const value = await expectFilled(() => page.locator('#state').innerText(), GITHUB.secret, started);
  expect(await page.locator('#field').inputValue()).toBe(value);
  await page.close();
});

test('fills a field in a same-origin iframe', async () => {
  const page = await context.newPage();
  await page.goto(https('github.com', '/iframe'));
  const frame = page.frame({ url: /name-only/ })!;
  const started = Date.now();
  await clickIcon(frame, '#field');
  const value = await expectFilled(() => frame.locator('#field').inputValue(), GITHUB.secret, started);
  expect(await frame.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toContain(value);
  await page.close();
});

// Headless Chromium sends synthetic keys to the page, not to the browser's shortcut handling, so
// chrome.commands never fires here: the test sends what the command handler sends (the trigger
// to the tab's top frame), which then finds the field without the icon.
test('the shortcut path fills too (the command\'s trigger to the top frame finds the field)', async () => {
  const page = await context.newPage();
  await page.goto(https('github.com', '/otc'));
  await page.locator('#field').click();
  const started = Date.now();
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { type: 'otp-desk-trigger' }, { frameId: 0 });
  });
  await expectFilled(() => page.locator('#field').inputValue(), GITHUB.secret, started);
  await page.close();
});

const REFUSALS = [
  { name: 'a look-alike domain (examp1e.com for example.com)', url: () => https('examp1e.com', '/otc'), says: 'only looks like example.com' },
  { name: 'an unbound site', url: () => https('unbound.test', '/otc'), says: 'No OTP Desk account is bound to unbound.test' },
  // example.com, not github.com: Chromium's HSTS preload list would turn http://github.com into https.
  { name: 'an http: page for an https: binding', url: () => `http://example.com:${pages.httpPort}/otc`, says: 'not secure' },
];

for (const c of REFUSALS) {
  test(`fills nothing on ${c.name}, and says why`, async () => {
    const page = await context.newPage();
    await page.goto(c.url());
    await clearLastMessage();
    await clickIcon(page, '#field');
    await expect.poll(lastMessage).toContain(c.says);
    expect(await page.locator('#field').inputValue()).toBe('');
    await page.close();
  });
}

test('fills nothing in a cross-origin frame (a bound site framed by another)', async () => {
  const page = await context.newPage();
  await page.goto(https('evil.test', '/frame-github'));
  const frame = page.frame({ url: /github\.com/ })!;
  await clearLastMessage();
  await clickIcon(frame, '#field');
  await expect.poll(lastMessage).toContain('frame from github.com');
  expect(await frame.locator('#field').inputValue()).toBe('');
  await page.close();
});

/** The pairing the extension stored, to speak to the host directly as it would. */
async function storedPairing(): Promise<{ pairingId: string; channelKey: string }> {
  return worker.evaluate(async () => (await chrome.storage.local.get('pairing'))['pairing'] as { pairingId: string; channelKey: string });
}

test('the host relays only for our id, and the app refuses replayed, tampered and stale messages', async () => {
  const { pairingId, channelKey } = await storedPairing();
  const fill = (ts: number) => seal(channelKey, requestContext(pairingId), { ts, body: { type: 'fill', pageUrl: https('github.com', '/otc'), frameUrl: https('github.com', '/otc') } });
  const host = new DirectHost(launcher());
  try {
    const request = await fill(Date.now());
    host.send({ id: 1, kind: 'sealed', pairingId, ...request });
    const first = await host.next();
    expect(first?.kind).toBe('sealed');
    const opened = (await unseal(channelKey, responseContext(pairingId, request.iv), first as { iv: string; data: string })) as ResponseEnvelope;
    expect(opened.body.type === 'code' && [oathtool(GITHUB.secret, Date.now() - 1000), oathtool(GITHUB.secret, Date.now())]).toContain(opened.body.type === 'code' ? opened.body.code : 'none');

    host.send({ id: 2, kind: 'sealed', pairingId, ...request });
    expect(await host.next()).toEqual({ id: 2, kind: 'refused', message: expect.stringContaining('could not verify') });

    const tampered = await fill(Date.now());
    const bytes = Buffer.from(tampered.data, 'base64');
    bytes[0]! ^= 1;
    host.send({ id: 3, kind: 'sealed', pairingId, iv: tampered.iv, data: bytes.toString('base64') });
    expect(await host.next()).toEqual({ id: 3, kind: 'refused', message: expect.stringContaining('could not verify') });

    host.send({ id: 4, kind: 'sealed', pairingId, ...(await fill(Date.now() - 10_000)) });
    expect(await host.next()).toEqual({ id: 4, kind: 'refused', message: expect.stringContaining('could not verify') });

    host.send({ id: 5, kind: 'sealed', pairingId: 'not-a-pairing', ...(await fill(Date.now())) });
    expect(await host.next()).toEqual({ id: 5, kind: 'refused', message: expect.stringContaining('not paired') });
  } finally {
    host.close();
  }

  const stranger = new DirectHost(launcher(), 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/');
  stranger.send({ id: 1, kind: 'pair', extensionKey: 'AAAA', name: 'stranger' });
  const refusal = await stranger.next();
  expect(refusal).toEqual({ id: 0, kind: 'refused', message: 'OTP Desk answers only its own extension.' });
  expect(await stranger.next(3000)).toBeUndefined();
  expect(stranger.exitCode).toBe(1);
  expect((await api('browser', 'pendingPairings')) as unknown[]).toEqual([]);
});

test('a locked vault: the extension says "OTP Desk is locked" and the app brings unlock forward; after unlock it fills', async () => {
  await api('vault', 'setPassword', 'correct horse battery staple');
  await api('vault', 'lock');
  const before = (await bridgeTest('browser-unlock-prompts'))['count'] as number;
  const page = await context.newPage();
  await page.goto(https('github.com', '/otc'));
  await clearLastMessage();
  await clickIcon(page, '#field');
  await expect.poll(lastMessage).toContain('OTP Desk is locked');
  expect(await page.locator('#field').inputValue()).toBe('');
  expect((await bridgeTest('browser-unlock-prompts'))['count']).toBeGreaterThan(before);

  await api('vault', 'unlock', 'correct horse battery staple');
  const started = Date.now();
  await page.locator('[data-otp-desk-icon] button').click();
  await expectFilled(() => page.locator('#field').inputValue(), GITHUB.secret, started);
  await page.close();
});

test('each fill is logged in the account\'s recent activity (site and time)', async () => {
  const accounts = (await api('accounts', 'list')) as { issuer: string; recentFills?: { site: string; at: number }[] }[];
  const github = accounts.find((a) => a.issuer === 'GitHub')!;
  expect(github.recentFills?.[0]).toEqual({ site: 'github.com', at: expect.any(Number) });
  expect(Date.now() - github.recentFills![0]!.at).toBeLessThan(60_000);
});

test('unpairing: the browser gets nothing afterwards', async () => {
  const [pairing] = (await api('browser', 'pairings')) as { id: string }[];
  expect(runCli(vaultDir, 'browser', 'unpair', pairing!.id).status).toBe(0);
  await expect.poll(async () => ((await api('browser', 'pairings')) as unknown[]).length).toBe(0);
  const page = await context.newPage();
  await page.goto(https('github.com', '/otc'));
  await clearLastMessage();
  await clickIcon(page, '#field');
  await expect.poll(lastMessage).toContain('not paired');
  expect(await page.locator('#field').inputValue()).toBe('');
  await page.close();
});
