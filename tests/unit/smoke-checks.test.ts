import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../electron/clipboard-access';
import {
  collectConsoleErrors,
  desktopSmokeChecks,
  type SmokeDesktop,
} from '../../electron/main/desktop/smoke-checks';

// The installed build's desktop checks, against stand-ins for the shell, the window and the
// clipboard: each check must pass on a working app and fail, naming what broke, on a broken one.
function desktop(overrides: { registered?: boolean; decodes?: boolean; clears?: boolean } = {}) {
  let clip = '';
  let panel = false;
  const guard = new ClipboardGuard({
    readText: () => clip,
    writeText: (text) => void (clip = text),
    clear: () => void (overrides.clears === false ? undefined : (clip = '')),
  });
  const app: SmokeDesktop = {
    window: {
      webContents: {
        executeJavaScript: async (script: string) =>
          overrides.decodes === false
            ? []
            : script.startsWith('window.otpDeskQrSelfTest(')
              ? ['otpauth://totp/x?secret=A']
              : [],
      },
    } as never,
    shell: {
      hasTray: true,
      get panelVisible() {
        return panel;
      },
      pressShortcut: () => void (panel = true),
      platform: () => ({
        hidePanel: () => ((panel = false), true),
        takeLinks: () => ({ texts: [], problems: [], waitingForUnlock: 0 }),
        shortcut: () => ({
          accelerator: 'CommandOrControl+Alt+O',
          label: 'Ctrl+Alt+O',
          registered: overrides.registered ?? true,
          message:
            overrides.registered === false ? 'Ctrl+Alt+O is already used by another app.' : null,
        }),
      }),
    },
    clipboardGuard: guard,
    readClipboard: () => clip,
  };
  return app;
}

async function failures(app: SmokeDesktop): Promise<string[]> {
  const failed: string[] = [];
  for (const check of desktopSmokeChecks(app, 'otpauth://totp/x?secret=A', '123456'))
    await check.run().catch((error: Error) => failed.push(`${check.name}: ${error.message}`));
  return failed;
}

describe('the smoke test of the installed desktop app', () => {
  it('passes tray, shortcut, panel, QR worker and clipboard on a working app', async () => {
    expect(await failures(desktop())).toEqual([]);
  });

  it('names each broken part', async () => {
    expect(await failures(desktop({ registered: false }))).toEqual([
      'global shortcut: the shortcut was not registered: Ctrl+Alt+O is already used by another app.',
    ]);
    expect(await failures(desktop({ decodes: false }))).toEqual([
      "QR worker: the renderer's QR worker did not read the test image",
    ]);
    expect(await failures(desktop({ clears: false }))).toEqual([
      'clipboard: the copied code stayed on the clipboard',
    ]);
  });

  it('collects console errors from every page, in both of Electron’s event shapes', () => {
    const app = new EventEmitter();
    const errors = collectConsoleErrors(app as never);
    const page = new EventEmitter();
    app.emit('web-contents-created', {}, page);
    page.emit('console-message', { level: 'info', message: 'hello' });
    page.emit('console-message', { level: 'error', message: 'Refused to apply inline style' });
    page.emit('console-message', {}, 3, 'Uncaught TypeError: x');
    expect(errors).toEqual(['Refused to apply inline style', 'Uncaught TypeError: x']);
  });
});
