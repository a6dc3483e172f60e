import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../electron/api';
import { createApiHandlers, findHandler, toApiResult } from '../../electron/adapters/api-handlers';
import { ServiceHost } from '../../electron/adapters/service-host';
import { ClipboardGuard } from '../../electron/clipboard-access';
import { MemoryKeyStore } from '../../electron/vault/keychain';

const PASSWORD = 'correct horse battery';
const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

/** The app's handlers over fakes of main's clipboard and screen capture that record every touch. */
async function openApp() {
  const host = new ServiceHost(join(mkdtempSync(join(tmpdir(), 'otp-desk-gates-')), 'vault'), new MemoryKeyStore(), []);
  hosts.push(host);
  await host.start();
  const touched: string[] = [];
  let clipboardText = 'what the user copied';
  const clipboard = {
    readText: () => (touched.push('readText'), clipboardText),
    clear: () => void (touched.push('clear'), (clipboardText = '')),
    writeText: (text: string) => void (touched.push('writeText'), (clipboardText = text)),
  };
  const handlers = createApiHandlers(host, {
    clipboard,
    clipboardGuard: new ClipboardGuard(clipboard),
    captureScreens: async () => (touched.push('capture'), [{ label: 'Screen', width: 1, height: 1, pngBase64: '' }]),
    confirmSecretRelease: async () => true,
  });
  const call = (namespace: string, method: string, ...args: unknown[]): Promise<ApiResult<unknown>> =>
    toApiResult(() => findHandler(handlers, namespace, method)!(...args));
  return { call, touched, clipboard: () => clipboardText };
}

describe('the clipboard and the screen while locked', () => {
  it('refuses capture and every clipboard call with vault-locked, without touching either', async () => {
    const { call, touched } = await openApp();
    await call('vault', 'setPassword', PASSWORD);
    await call('vault', 'lock');
    for (const [namespace, method, arg] of [
      ['screen', 'capture', undefined],
      ['clipboard', 'clearIf', 'what the user copied'],
      ['clipboard', 'copy', '123456'],
    ] as const) {
      const result = await call(namespace, method, arg);
      expect(result.ok ? null : result.error.kind, `${namespace}.${method}`).toBe('vault-locked');
    }
    expect(touched).toEqual([]);
  });

  it('clearIf answers nothing, whether or not the clipboard held the text', async () => {
    const { call, clipboard } = await openApp();
    const miss = await call('clipboard', 'clearIf', 'a guess');
    expect(miss).toEqual({ ok: true, value: undefined });
    expect(clipboard()).toBe('what the user copied');
    const hit = await call('clipboard', 'clearIf', 'what the user copied');
    // The same answer as the miss: the page learns nothing about what the clipboard holds.
    expect(hit).toEqual(miss);
    expect(clipboard()).toBe('');
  });
});
