import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { codeWindow } from '../../electron/core/otp/otp';
import { SMOKE_SECRET } from '../../electron/main/desktop/smoke-args';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';

// `--smoke-test --vault DIR` is what the release job runs on each installed build. Its flow runs
// here against the real Secret Service, with Electron's window a stand-in that shows `shown()`.
const fake = vi.hoisted(() => ({
  exits: [] as number[],
  shown: (): string => '',
  windows: 0,
  rendererErrors: [] as string[],
}));

vi.mock('electron', () => {
  class FakeWindow {
    webContents = { executeJavaScript: async () => fake.shown(), send() {} };
    constructor() {
      fake.windows++;
    }
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    once() {}
    on() {}
    show() {}
    loadFile = async () => undefined;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 460, height: 720 });
  }
  return {
    app: { exit: (code: number) => fake.exits.push(code), getPath: () => tmpdir() },
    BrowserWindow: FakeWindow,
    ipcMain: { handle() {} },
    clipboard: { readText: () => '', clear() {} },
    dialog: {},
    nativeTheme: { shouldUseDarkColors: false },
    screen: { getAllDisplays: () => [] },
    desktopCapturer: {},
    systemPreferences: {},
  };
});

const electronModule = (await import('electron')) as unknown as {
  BrowserWindow: new () => unknown;
};
const { runSmokeTest } = await import('../../electron/main/desktop/smoke-test');
const { ImportSandbox } = await import('../../electron/sandbox/import-sandbox.node');
const { buildImportChild } = await import('../support/import-child');
const { AuthenticatorService } = await import('../../electron/service');

/** Runs the smoke test until it calls app.exit; returns the exit code and what it printed. */
async function smoke(vaultDir: string) {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((line: string) => void lines.push(line));
  const sandbox = new ImportSandbox({ childPath: await buildImportChild() });
  void runSmokeTest(
    vaultDir,
    () => {
      const { BrowserWindow } = electronModule;
      return { window: new BrowserWindow() as never, rendererErrors: fake.rendererErrors };
    },
    sandbox,
  );
  await vi.waitFor(() => expect(fake.exits).toHaveLength(1), { timeout: 15_000 });
  log.mockRestore();
  error.mockRestore();
  return { code: fake.exits[0], lines };
}

const smokeCode = () =>
  codeWindow(
    { type: 'totp', secret: SMOKE_SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    Math.floor(Date.now() / 1000),
  ).code;

beforeEach(() => {
  fake.exits.length = 0;
  fake.windows = 0;
  fake.rendererErrors.length = 0;
});

describe('smoke mode', () => {
  it('opens a throwaway vault through the keychain, prints the code the window shows and exits 0', async () => {
    const vaultDir = join(
      mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'smoke-')),
      'vault',
    );
    fake.shown = () => smokeCode().replace(/(\d{3})(\d{3})/, '$1 $2');
    const { code, lines } = await smoke(vaultDir);
    expect(lines).toEqual([`SMOKE_CODE=${smokeCode()}`]);
    expect(code).toBe(0);
    expect(fake.windows).toBe(1);
    // The throwaway vault's key does not stay in the user's keychain.
    await expect(AuthenticatorService.open(vaultDir, new KeytarKeyStore())).rejects.toMatchObject({
      kind: expect.stringMatching(/locked|keychain/),
    });
  });

  it('fails, saying so, when the build lacks the import worker', async () => {
    const vaultDir = join(
      mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'smoke-')),
      'vault',
    );
    fake.shown = () => smokeCode();
    const lines: string[] = [];
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((line: string) => void lines.push(line));
    void runSmokeTest(
      vaultDir,
      () => ({ window: new electronModule.BrowserWindow() as never }),
      new ImportSandbox({ childPath: join(vaultDir, 'no-child.cjs') }),
    );
    await vi.waitFor(() => expect(fake.exits).toEqual([1]), { timeout: 15_000 });
    error.mockRestore();
    expect(lines.join('\n')).toMatch(/smoke test failed: The import sandbox .* is missing/);
  });

  it('fails with the reason when the window shows another code', async () => {
    const vaultDir = join(
      mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'smoke-')),
      'vault',
    );
    fake.shown = () => '000 000';
    const { code, lines } = await smoke(vaultDir);
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(
      /smoke test failed: the window showed 000000, not the test key's code/,
    );
  });

  it('fails when the page logged an error or a CSP violation', async () => {
    const vaultDir = join(
      mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'smoke-')),
      'vault',
    );
    fake.shown = () => smokeCode();
    fake.rendererErrors.push(
      "Refused to load the script 'https://cdn.example/x.js' because it violates the Content Security Policy",
    );
    const { code, lines } = await smoke(vaultDir);
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(
      /smoke test failed: the page logged an error: Refused to load/,
    );
  });
});
