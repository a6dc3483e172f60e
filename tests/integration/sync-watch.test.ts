import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../electron/adapters/api-handlers';
import { ServiceHost } from '../../electron/adapters/service-host';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { hasKeychain, KEYCHAIN_SKIP_REASON, tempVault } from '../support/cli';
import { names, ok, pairedVaults, tempFolder } from '../support/sync-cli';
import { waitFor } from '../support/syncthing';

describe.skipIf(!hasKeychain)(`the running app keeps syncing without a restart (${KEYCHAIN_SKIP_REASON} otherwise)`, () => {
  it('a change another device writes to the folder arrives; a change made in the app is written for the others', { timeout: 120_000 }, async () => {
    const folder = tempFolder();
    const { a, b } = pairedVaults(folder);
    const host = new ServiceHost(a, new KeytarKeyStore(), []);
    await host.start();
    try {
      const issuers = () => host.get().listAccounts().map((x) => x.issuer);
      ok(b, 'add', 'otpauth://totp/Fastmail:dana?secret=JBSWY3DPEHPK3PXP&issuer=Fastmail');
      ok(b, 'sync', 'now');
      await waitFor(() => issuers().includes('Fastmail'), 45_000, 'the app to pick up the other device\'s change');
      await host.get().addAccount({ type: 'totp', secret: 'KRSXG5CTMVRXEZLU', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'Proton', account: 'erin' });
      await waitFor(() => {
        ok(b, 'sync', 'now');
        return names(b).includes('Proton/erin');
      }, 45_000, 'the app to write its change for the others');
      expect(names(b)).toEqual(['Fastmail/dana', 'Proton/erin']);
      // What the app's status line reads: the folder, a recent sync, no problems, and nothing secret.
      const status = await createApiHandlers(host).sync.status();
      expect(status).toMatchObject({ folder, device: { name: 'Laptop' }, problems: [] });
      expect(Math.abs(status.lastSync! - Date.now() / 1000)).toBeLessThan(60);
      expect(JSON.stringify(status)).not.toMatch(/JBSWY3DP|KRSXG5CT|Fastmail|Proton/);
    } finally {
      host.close();
    }
  });

  it('a device file a sync app delivers by rename arrives, and so does one after the sync folder was deleted and re-created (no waiting for the slow poll)', { timeout: 120_000 }, async () => {
    // A syncs through `folder`; B through its own copy, which `carry` brings over as Syncthing does (temp file, then rename).
    const folder = tempFolder();
    const copy = tempFolder();
    const a = tempVault();
    const b = tempVault();
    ok(a, 'sync', 'setup', folder, '--device-name', 'Laptop');
    const code = ok(a, 'sync', 'pairing-code').split('\n')[0]!;
    cpSync(join(folder, SYNC_DIR), join(copy, SYNC_DIR), { recursive: true });
    ok(b, 'sync', 'join', copy, '--code', code, '--device-name', 'Desktop');
    const host = new ServiceHost(a, new KeytarKeyStore(), []);
    await host.start();
    try {
      const issuers = () => host.get().listAccounts().map((x) => x.issuer);
      const problems = async () => (await createApiHandlers(host).sync.status()).problems;
      ok(b, 'add', 'otpauth://totp/Fastmail:dana?secret=JBSWY3DPEHPK3PXP&issuer=Fastmail');
      ok(b, 'sync', 'now');
      carry(copy, folder);
      await waitFor(() => issuers().includes('Fastmail'), 15_000, 'a device file renamed into place to arrive');

      // Moved to the Trash, as a file manager deletes: one rename. (rmSync file by file raced the app
      // writing its own device file into the folder it was emptying: ENOTEMPTY on a busy machine.)
      const trash = tempFolder();
      renameSync(join(folder, SYNC_DIR), join(trash, SYNC_DIR));
      await waitFor(async () => (await problems()).some((p) => p.includes('missing')), 15_000, 'the app to notice the sync folder went');
      carry(copy, folder);
      await waitFor(async () => (await problems()).length === 0, 15_000, 'the app to notice the sync folder came back');
      ok(b, 'add', 'otpauth://totp/Proton:erin?secret=KRSXG5CTMVRXEZLU&issuer=Proton');
      ok(b, 'sync', 'now');
      carry(copy, folder);
      await waitFor(() => issuers().includes('Proton'), 15_000, 'a change in the re-created folder to arrive');
    } finally {
      host.close();
    }
  });
});

const SYNC_DIR = 'OTP Desk Sync';

/** What a sync app does with changed files: each written to a hidden temp file beside its place, then renamed over it. */
function carry(from: string, to: string): void {
  for (const sub of ['', 'devices']) {
    const source = join(from, SYNC_DIR, sub);
    const target = join(to, SYNC_DIR, sub);
    if (!existsSync(target)) mkdirSync(target);
    for (const name of readdirSync(source)) {
      if (statSync(join(source, name)).isDirectory() || name.startsWith('.')) continue;
      const bytes = readFileSync(join(source, name));
      if (existsSync(join(target, name)) && readFileSync(join(target, name)).equals(bytes)) continue;
      writeFileSync(join(target, `.syncthing.${name}.tmp`), bytes);
      renameSync(join(target, `.syncthing.${name}.tmp`), join(target, name));
    }
  }
}
