import { describe, expect, it, vi } from 'vitest';

// Electron can't run here: stand-ins record how the paper-backup sheet reaches the print window.
const electron = vi.hoisted(() => ({
  loaded: [] as string[],
  preferences: [] as Record<string, unknown>[],
  handlers: new Map<string, (request: { url: string }) => Response>(),
  destroyed: 0,
}));
vi.mock('electron', () => ({
  dialog: {},
  session: {
    fromPartition: (partition: string) => ({
      partition,
      protocol: {
        isProtocolHandled: (scheme: string) => electron.handlers.has(scheme),
        handle: (scheme: string, handler: (request: { url: string }) => Response) =>
          electron.handlers.set(scheme, handler),
      },
    }),
  },
  BrowserWindow: class {
    private url = '';
    constructor(options: { webPreferences: Record<string, unknown> }) {
      electron.preferences.push(options.webPreferences);
    }
    loadURL(url: string) {
      this.url = url;
      electron.loaded.push(url);
      return Promise.resolve();
    }
    webContents = {
      // "Prints" what the page's URL serves at that moment.
      printToPDF: async () => {
        const handler = electron.handlers.get(new URL(this.url).protocol.slice(0, -1))!;
        return Buffer.from(await handler({ url: this.url }).text());
      },
    };
    destroy() {
      electron.destroyed += 1;
    }
  },
}));

const { backupPlatform } = await import('../../electron/main/backup-platform');

describe('the paper-backup sheet is printed from memory, not a data: URL', () => {
  it('serves the page once behind a random URL in an in-memory session, then forgets it', async () => {
    const html = `<html><body>${'secret-sheet '.repeat(200_000)}</body></html>`; // > 2 MB
    const pdf = await backupPlatform.printToPdf!(html);
    expect(Buffer.from(pdf).toString()).toBe(html);
    const [url] = electron.loaded;
    expect(url).toMatch(/^otp-desk-print:\/\/[0-9a-f-]{36}\/$/);
    expect(url).not.toContain('secret-sheet');
    const session = electron.preferences[0]!['session'] as { partition: string };
    expect(session.partition).not.toMatch(/^persist:/);
    expect(electron.preferences[0]).toMatchObject({ javascript: false, sandbox: true });
    // Once printed, the URL serves nothing, and the window is gone.
    const after = await electron.handlers.get('otp-desk-print')!({ url: url! });
    expect(after.status).toBe(404);
    expect(electron.destroyed).toBe(1);
  });
});
