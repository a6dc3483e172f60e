import { app, type BrowserWindow } from 'electron';
import { setTimeout as delay } from 'node:timers/promises';
import { ServiceHost } from '../../adapters/service-host';
import type { ImportSandbox } from '../../sandbox/import-sandbox.node';
import { electronImportSandbox } from '../import-utility-process';
import { KeytarKeyStore } from '../../vault/keychain-keytar.node';
import { SMOKE_ISSUER, SMOKE_SECRET, smokeCodeMatches, smokeResultLine } from './smoke-args';
import type { SmokeCheck } from './smoke-checks';

/** The app as the smoke test drives it, once onReady has run on the throwaway vault. */
export interface SmokeApp {
  readonly window: BrowserWindow;
  /** The desktop checks, given the test link and the code shown (see desktop-smoke checks). */
  readonly checks?: (link: string, code: string) => readonly SmokeCheck[];
  /** Renderer console errors and CSP violations seen so far; any one fails the test. */
  readonly rendererErrors?: readonly string[];
}

const TIME_LIMIT_MS = 90_000;

/** Reads the first code the list shows, once the renderer has drawn one. */
async function firstShownCode(window: BrowserWindow): Promise<string> {
  const deadline = Date.now() + TIME_LIMIT_MS / 2;
  while (Date.now() < deadline) {
    const text: unknown = await window.webContents
      .executeJavaScript(`document.querySelector('[data-testid="code"]')?.textContent ?? ''`)
      .catch(() => '');
    const code = String(text).replace(/\s/g, '');
    if (/^\d+$/.test(code)) return code;
    await delay(200);
  }
  throw new Error('the window showed no code');
}

/**
 * `OTP Desk --smoke-test --vault DIR`: the installed build opens a throwaway vault through the
 * real keychain (proving keytar loads from outside app.asar), adds the RFC 6238 test key,
 * renders the window, checks the first code shown against the service's, prints it and exits
 * 0 (1 with the reason otherwise). The keychain item is removed again.
 */
export async function runSmokeTest(
  vaultDir: string,
  /** Starts the app on this host as onReady does (IPC, tray, shortcut, window). */
  openApp: (host: ServiceHost) => SmokeApp | Promise<SmokeApp>,
  /** The sandbox as the app uses it (tests pass one whose child they built). */
  sandbox: ImportSandbox = electronImportSandbox(),
): Promise<never> {
  const keyStore = new KeytarKeyStore();
  const timer = setTimeout(() => {
    console.error('otp-desk smoke test: no code within 90 s');
    app.exit(1);
  }, TIME_LIMIT_MS);
  let vaultId: string | undefined;
  try {
    // The sandbox as the app uses it, so a build missing its child fails here.
    const host = new ServiceHost(vaultDir, keyStore, sandbox);
    const status = await host.start();
    if (status.state !== 'unlocked') throw new Error(status.message ?? 'the vault did not open');
    const service = host.get();
    vaultId = service.vaultHandle.id;
    const link = `otpauth://totp/${encodeURIComponent(SMOKE_ISSUER)}:smoke%40otp.desk?secret=${SMOKE_SECRET}&issuer=${encodeURIComponent(SMOKE_ISSUER)}`;
    if (service.listAccounts().length === 0) {
      // Through the import review, as an opened link goes: this reads the link in the sandbox's
      // child process, so a build that lacks it fails here.
      const preview = await host.imports().previewTexts([{ source: 'smoke test', text: link }]);
      if (preview.candidates.length !== 1)
        throw new Error('the import sandbox did not read the test link');
      await host.imports().commit(preview.id, [{ key: preview.candidates[0]!.key, action: 'add' }]);
    }
    const smokeApp = await openApp(host);
    const shown = await firstShownCode(smokeApp.window);
    const now = Date.now();
    const expected = [now - 30_000, now, now + 30_000].map((t) => service.codesAt(t)[0]!.code);
    if (!smokeCodeMatches(shown, expected))
      throw new Error(`the window showed ${shown}, not the test key's code`);
    for (const check of smokeApp.checks?.(link, shown) ?? [])
      await check.run().catch((error: unknown) => {
        throw new Error(`${check.name}: ${error instanceof Error ? error.message : String(error)}`);
      });
    const [rendererError] = smokeApp.rendererErrors ?? [];
    if (rendererError) throw new Error(`the page logged an error: ${rendererError}`);
    console.log(smokeResultLine(shown));
    host.close();
    await keyStore.delete(vaultId).catch(() => false);
    clearTimeout(timer);
    app.exit(0);
  } catch (error) {
    console.error(
      `otp-desk smoke test failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (vaultId) await keyStore.delete(vaultId).catch(() => false);
    app.exit(1);
  }
  return new Promise<never>(() => undefined);
}
