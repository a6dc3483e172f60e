import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_IMPORTERS } from '../../electron/adapters/node-importers.node';
import { ServiceHost } from '../../electron/adapters/service-host';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';

const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

const newFolder = () => join(mkdtempSync(join(tmpdir(), 'otp-desk-watch-')), 'vault');
const draft = (issuer: string) =>
  buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer, account: 'ana' });

async function startApp(dir: string, keys: MemoryKeyStore) {
  const host = new ServiceHost(dir, keys, NODE_IMPORTERS);
  hosts.push(host);
  expect(await host.start()).toMatchObject({ state: 'unlocked' });
  return host;
}

/** Resolves when the app shows `issuers` (it re-reads the vault by itself; nothing here asks it to). */
function appShows(host: ServiceHost, issuers: string[]): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (
        JSON.stringify(
          host
            .get()
            .listAccounts()
            .map((a) => a.issuer),
        ) === JSON.stringify(issuers)
      ) {
        stop();
        resolve();
      }
    };
    const stop = host.onChanged(check);
    check();
  });
}

// Another service instance in this process stands in for the CLI; its own process and the real
// keychain are tests/integration/vault-concurrency.test.ts.
describe('the app and another service instance writing the same vault', () => {
  it('shows an account another instance added, without a restart', async () => {
    const dir = newFolder();
    const keys = new MemoryKeyStore();
    await (
      await AuthenticatorService.open(dir, keys, { create: true })
    ).addAccount(draft('Before'));
    const host = await startApp(dir, keys);
    const cli = await AuthenticatorService.open(dir, keys);
    await cli.addAccount(draft('FromCli'));
    await appShows(host, ['Before', 'FromCli']);
    await cli.removeAccount(cli.findAccounts('Before')[0]!.id);
    await appShows(host, ['FromCli']);
  });

  it('picks up the vault another instance created in a folder the app opened empty, and saves into it', async () => {
    const dir = newFolder();
    const keys = new MemoryKeyStore();
    const host = await startApp(dir, keys);
    await (
      await AuthenticatorService.open(dir, keys, { create: true })
    ).addAccount(draft('FromCli'));
    await appShows(host, ['FromCli']);
    await host.get().addAccount(draft('FromApp'));
    expect(
      (await AuthenticatorService.open(dir, keys)).listAccounts().map((a) => a.issuer),
    ).toEqual(['FromCli', 'FromApp']);
    expect(keys.items.size).toBe(1);
  });
});

describe('nothing is created by a failure', () => {
  it('an import that fails in the app into a new folder leaves no vault file and no keychain item', async () => {
    const dir = newFolder();
    const keys = new MemoryKeyStore();
    const host = await startApp(dir, keys);
    const preview = await host
      .imports()
      .previewFiles([
        { fileName: 'junk.bin', bytes: new Uint8Array(5000).map((_, i) => (i * 37) % 251) },
      ]);
    expect(preview.candidates).toHaveLength(0);
    await expect(host.get().addAccounts([{ ...draft('Bad'), digits: 9 }])).rejects.toThrow(
      /digits/,
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(keys.items.size).toBe(0);
  });

  it('a save refused by the keychain leaves no vault file behind', async () => {
    const dir = newFolder();
    const keys = new MemoryKeyStore();
    keys.set = async () => {
      throw new Error('Secret Service is not running');
    };
    const host = await startApp(dir, keys);
    await expect(host.get().addAccount(draft('A'))).rejects.toThrow(/Secret Service/);
    expect(existsSync(join(dir, 'vault.json'))).toBe(false);
    expect(host.get().listAccounts()).toEqual([]);
  });
});
