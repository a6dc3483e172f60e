import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceHost } from '../../electron/adapters/service-host';
import { ClipboardGuard, type ClipboardAccess } from '../../electron/clipboard-access';
import { setupClipboardClearing } from '../../electron/main/clipboard-clearing';
import { MemoryKeyStore } from '../../electron/vault/keychain';

// A code or key main copied leaves the clipboard when the vault locks and before the app quits,
// and both wait for it: the clipboard here answers only after a delay, as a slow one would.

const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.close()));

function slowClipboard() {
  const board = { text: '' };
  const later = <T>(value: () => T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(value()), 20));
  const access: ClipboardAccess = {
    readText: () => later(() => board.text),
    clear: () => later(() => void (board.text = '')),
    writeText: (text) => void (board.text = text),
  };
  return { board, guard: new ClipboardGuard(access) };
}

async function unlockedHost() {
  const host = new ServiceHost(
    join(mkdtempSync(join(tmpdir(), 'otp-desk-clip-')), 'vault'),
    new MemoryKeyStore(),
    [],
  );
  hosts.push(host);
  await host.start();
  await host.setPassword('correct horse battery staple');
  return host;
}

/** Electron's app as far as quitting goes: 'before-quit' listeners may hold the quit. */
function fakeApp() {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  const requestQuit = () => {
    let held = false;
    app.emit('before-quit', { preventDefault: () => (held = true) });
    return held;
  };
  return { app, requestQuit };
}

describe('clipboard clearing on lock and quit', () => {
  it('locking clears the copied code before the lock reports done', async () => {
    const host = await unlockedHost();
    const { board, guard } = slowClipboard();
    setupClipboardClearing(fakeApp().app, host, guard);
    await guard.copy('123456', 0);
    const status = await host.lock();
    expect(status.state).toBe('locked');
    expect(board.text).toBe('');
  });

  it('locking keeps what the user copied since', async () => {
    const host = await unlockedHost();
    const { board, guard } = slowClipboard();
    setupClipboardClearing(fakeApp().app, host, guard);
    await guard.copy('123456', 0);
    board.text = 'my own note';
    await host.lock();
    expect(board.text).toBe('my own note');
  });

  it('quitting waits for the clipboard to be cleared, then quits once', async () => {
    const host = await unlockedHost();
    const { board, guard } = slowClipboard();
    const { app, requestQuit } = fakeApp();
    setupClipboardClearing(app, host, guard);
    await guard.copy('JBSWY3DPEHPK3PXP', 0);
    expect(requestQuit()).toBe(true);
    expect(board.text).toBe('JBSWY3DPEHPK3PXP');
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(board.text).toBe('');
    expect(requestQuit()).toBe(false);
  });
});
