import type { BrowserWindow } from 'electron';
import { setTimeout as delay } from 'node:timers/promises';
import QRCode from 'qrcode';
import type { ClipboardGuard } from '../../clipboard-access';
import type { DesktopShell } from './desktop-shell';

/** One named check of the installed build; throws with what went wrong. */
export interface SmokeCheck {
  readonly name: string;
  run(): Promise<void>;
}

/** What the smoke test needs of the app onReady started. */
export interface SmokeDesktop {
  readonly window: BrowserWindow;
  readonly shell: Pick<DesktopShell, 'hasTray' | 'panelVisible' | 'pressShortcut' | 'platform'>;
  readonly clipboardGuard: ClipboardGuard;
  readonly readClipboard: () => string | Promise<string>;
}

async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(what);
    await delay(100);
  }
}

/**
 * The desktop parts a release must prove on each OS, in order: the tray, the global shortcut, the
 * quick panel opened and closed, a QR PNG decoded by the renderer's own worker, and a copied code
 * cleared from the clipboard again.
 */
export function desktopSmokeChecks(app: SmokeDesktop, qrText: string, code: string): SmokeCheck[] {
  return [
    {
      name: 'tray',
      run: async () => {
        if (!app.shell.hasTray) throw new Error('no tray icon was created');
      },
    },
    {
      name: 'global shortcut',
      run: async () => {
        const status = app.shell.platform().shortcut();
        if (!status.registered)
          throw new Error(
            `the shortcut was not registered: ${status.message ?? 'no reason given'}`,
          );
      },
    },
    {
      name: 'quick panel',
      run: async () => {
        app.shell.pressShortcut();
        await until('the quick panel did not open', () => app.shell.panelVisible);
        app.shell.platform().hidePanel();
        await until('the quick panel did not close', () => !app.shell.panelVisible);
      },
    },
    {
      name: 'QR worker',
      run: async () => {
        const png = (await QRCode.toBuffer(qrText, { margin: 4, scale: 6 })).toString('base64');
        const texts: unknown = await app.window.webContents.executeJavaScript(
          `window.otpDeskQrSelfTest(${JSON.stringify(png)})`,
        );
        if (!Array.isArray(texts) || !texts.includes(qrText))
          throw new Error("the renderer's QR worker did not read the test image");
      },
    },
    {
      name: 'clipboard',
      run: async () => {
        await app.clipboardGuard.copy(code, 1);
        if ((await app.readClipboard()) !== code)
          throw new Error('copying to the clipboard did nothing');
        await delay(1_500);
        if ((await app.readClipboard()) === code)
          throw new Error('the copied code stayed on the clipboard');
      },
    },
  ];
}

/** Console messages at error level (CSP violations are reported there too), from every page. */
export function isConsoleError(event: unknown, level?: unknown): boolean {
  // Electron 45 passes one event with a string level; older versions passed a number (3 = error).
  const named = (event as { level?: unknown } | undefined)?.level;
  return named === 'error' || level === 3;
}

/** Where web contents are announced (Electron's app), typed narrowly for tests. */
export interface ContentsSource {
  on(
    event: 'web-contents-created',
    listener: (
      event: unknown,
      contents: {
        on(
          event: 'console-message',
          listener: (event: unknown, level?: unknown, message?: unknown) => void,
        ): void;
      },
    ) => void,
  ): void;
}

/** Collects every renderer console error (and CSP violation) from pages made after this call. */
export function collectConsoleErrors(app: ContentsSource): readonly string[] {
  const errors: string[] = [];
  app.on('web-contents-created', (_event, contents) =>
    contents.on('console-message', (event, level, message) => {
      if (isConsoleError(event, level))
        errors.push(String((event as { message?: unknown }).message ?? message).slice(0, 200));
    }),
  );
  return errors;
}
