import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, apiChannel } from '../../electron/api';

// The preload runs inside Electron; here its two Electron objects are stand-ins so we can see
// exactly what it exposes to the page.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'ok' }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('../../electron/preload/preload');
  });

  it('exposes only window.otpDesk, with exactly the contract methods', () => {
    expect(Object.keys(exposed)).toEqual(['otpDesk']);
    const api = exposed['otpDesk'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), 'onChanged'].sort());
    for (const [namespace, methods] of Object.entries(API_METHODS)) {
      expect(Object.keys(api[namespace]!).sort()).toEqual([...methods].sort());
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a call on its own channel with the arguments as given', async () => {
    const api = exposed['otpDesk'] as { accounts: { update: (id: string, patch: object) => Promise<unknown> } };
    await expect(api.accounts.update('id-1', { issuer: 'X' })).resolves.toEqual({ ok: true, value: 'ok' });
    expect(invoke).toHaveBeenCalledWith(apiChannel('accounts', 'update'), 'id-1', { issuer: 'X' });
  });
});
