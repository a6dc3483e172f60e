/**
 * `npm run preview` is the app in a browser: none of the e2e harness's endpoints (main's clock,
 * the stand-in for main's dialog, heap snapshots), a throwaway vault with a throwaway keychain, and
 * the harness's own flag refused on a user's vault.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const TMP = process.env['OTP_DESK_TEST_TMP'] ?? tmpdir();

/** The command `npm run preview` runs after building, as package.json says it. */
function previewCommand(): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['preview']!;
  const run = script.split('&&').at(-1)!.trim().split(/\s+/);
  expect(run.slice(0, 2)).toEqual(['node', 'dist/bridge/server.cjs']);
  return run.slice(1);
}

/** Starts the bridge; resolves its URL, or its exit code and stderr when it refuses to start. */
function startServer(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const full: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const key of Object.keys(full)) if (full[key] === undefined) delete full[key];
  const child = spawn(process.execPath, [...previewCommand(), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: full });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const started = new Promise<{ url?: string; code?: number | null; stderr: string }>((resolve) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /BRIDGE_URL=(\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, stderr });
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
  return { child, started };
}

/** A home whose default vault folder must stay untouched. */
function fakeHome() {
  const home = mkdtempSync(join(TMP, 'preview-home-'));
  return { home, env: { XDG_CONFIG_HOME: join(home, 'config'), OTP_DESK_VAULT: undefined }, defaultVault: join(home, 'config', 'OTP Desk', 'vault') };
}

test('the preview answers 404 on every test endpoint and ignores the page-set clock', async ({ request }) => {
  const { child, started } = startServer(['--memory-keychain']);
  try {
    const { url } = await started;
    expect(url).toBeTruthy();
    const base = new URL(url!);
    const token = new URLSearchParams(base.hash.slice(1)).get('token')!;
    const headers = { 'x-bridge-token': token };
    for (const path of [
      '/__bridge/test/idle',
      '/__bridge/test/screen-locked',
      '/__bridge/test/confirm-secrets',
      '/__bridge/test/confirmations',
      '/__bridge/test/heap-snapshot',
      '/__bridge/open-link',
      '/__bridge/panel-hides',
    ]) {
      const post = await request.post(new URL(path, base).toString(), { headers, data: JSON.stringify({ answer: 'allow', dir: TMP, seconds: 9999 }) });
      expect(post.status(), `POST ${path}`).toBe(404);
      expect((await request.get(new URL(path, base).toString(), { headers })).status(), `GET ${path}`).toBe(404);
    }
    // The app's own calls still work, but x-bridge-clock (main's clock in the harness) moves nothing.
    const call = async (namespace: string, method: string, args: unknown[], clock?: number) =>
      (await request.post(new URL('/__bridge/call', base).toString(), {
        headers: { ...headers, 'content-type': 'application/json', ...(clock ? { 'x-bridge-clock': String(clock) } : {}) },
        data: JSON.stringify({ namespace, method, args }),
      })).json() as Promise<{ ok: boolean; value?: unknown; error?: { kind: string } }>;
    expect(await call('accounts', 'addUri', ['otpauth://totp/ACME:ana?secret=JBSWY3DPEHPK3PXP&issuer=ACME'])).toMatchObject({ ok: true });
    const tomorrow = Date.now() + 86_340_000;
    const codes = (await call('codes', 'at', [tomorrow], tomorrow)) as { value: { validFrom: number }[] };
    expect(Math.abs(codes.value[0]!.validFrom * 1000 - Date.now())).toBeLessThan(120_000);
    // No stand-in for main's dialog: a secret can't leave a vault without a password.
    expect(await call('exports', 'create', [{ format: 'uris' }])).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  } finally {
    child.kill('SIGTERM');
  }
});

test('the preview refuses the harness\'s stand-in for main\'s dialog', async () => {
  const { started } = startServer(['--memory-keychain', '--confirm-secrets', 'allow']);
  const { code, stderr } = await started;
  expect(code).toBe(2);
  expect(stderr).toMatch(/--confirm-secrets .* needs --test-harness/);
});

test('with a throwaway keyring the preview uses a throwaway vault, and refuses the user\'s own', async ({ request }) => {
  const { home, env, defaultVault } = fakeHome();
  try {
    // The README's headless line: scripts/with-keyring.mjs marks its keyring as throwaway.
    const { child, started } = startServer([], { ...env, OTP_DESK_THROWAWAY_KEYRING: '1' });
    const { url } = await started;
    const base = new URL(url!);
    const token = new URLSearchParams(base.hash.slice(1)).get('token')!;
    const status = (await (
      await request.post(new URL('/__bridge/call', base).toString(), {
        headers: { 'x-bridge-token': token, 'content-type': 'application/json' },
        data: JSON.stringify({ namespace: 'vault', method: 'status', args: [] }),
      })
    ).json()) as { value: { vaultDir: string } };
    child.kill('SIGTERM');
    expect(status.value.vaultDir).toContain('otp-desk-preview-');
    expect(existsSync(defaultVault)).toBe(false);

    for (const args of [
      ['--vault', defaultVault, '--memory-keychain'],
      ['--test-harness', '--vault', defaultVault],
      ['--test-harness'],
    ]) {
      const refused = await startServer(args, { ...env, OTP_DESK_THROWAWAY_KEYRING: '1' }).started;
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/your own vault|needs --vault/);
    }
    expect(existsSync(defaultVault)).toBe(false);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
