import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../electron/adapters/service-host';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { Vault } from '../../electron/vault/vault.node';

const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

async function vaultWithoutKeychainItem(password?: string) {
  const dir = join(mkdtempSync(join(tmpdir(), 'otp-desk-host-')), 'vault');
  const keys = new MemoryKeyStore();
  const vault = await Vault.open(dir, keys, { create: true });
  if (password) await vault.setPassword(password);
  else await vault.update((data) => data);
  keys.items.clear();
  const host = new ServiceHost(dir, keys, []);
  hosts.push(host);
  return { host, keys };
}

describe('the app when the keychain has lost the vault key', () => {
  it('offers the password when the vault has one, refuses a wrong one, and opens with the right one', async () => {
    const { host, keys } = await vaultWithoutKeychainItem('correct horse');
    expect(await host.start()).toMatchObject({ state: 'locked', hasPassword: true, message: expect.stringMatching(/vault password/) });
    await expect(host.unlock('wrong')).rejects.toMatchObject({ kind: 'wrong-password' });
    expect(host.status().state).toBe('locked');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // wrong passwords slow down (1 s after the first)
    expect(await host.unlock('correct horse')).toMatchObject({ state: 'unlocked' });
    expect(keys.items.size).toBe(1);
  });

  it('says there is no password to try when the vault has none', async () => {
    const { host } = await vaultWithoutKeychainItem();
    expect(await host.start()).toMatchObject({ state: 'locked', hasPassword: false, message: expect.stringMatching(/backup/) });
  });
});
