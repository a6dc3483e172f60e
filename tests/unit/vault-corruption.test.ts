import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_IMPORTERS } from '../../electron/adapters/node-importers.node';
import { ServiceHost } from '../../electron/adapters/service-host';
import { prepareBackupKey } from '../../electron/core/backup/backup';
import { BACKUP_KEY_SETTING } from '../../electron/core/backup/backup-settings';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { Vault } from '../../electron/vault/vault.node';

const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));
const draft = (issuer: string) =>
  buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer, account: 'ana' });
const FLIPS = 300;

/** A vault with two saves (so vault.json.bak holds the first), and its bytes. */
async function savedTwice() {
  const dir = join(mkdtempSync(join(tmpdir(), 'otp-desk-damaged-')), 'vault');
  const keys = new MemoryKeyStore();
  const service = await AuthenticatorService.open(dir, keys, { create: true });
  await service.addAccount(draft('First'));
  await service.addAccount(draft('Second'));
  return {
    dir,
    keys,
    service,
    path: join(dir, 'vault.json'),
    good: readFileSync(join(dir, 'vault.json')),
  };
}

async function startApp(dir: string, keys: MemoryKeyStore) {
  const host = new ServiceHost(dir, keys, NODE_IMPORTERS);
  hosts.push(host);
  return { host, status: await host.start() };
}

describe('a damaged vault file', () => {
  it(`is refused, never rewritten, for every truncation and ${FLIPS} random bit flips (or opens unchanged when the flip is harmless)`, async () => {
    const { dir, keys, path, good } = await savedTwice();
    const accounts = (await Vault.open(dir, keys)).current.accounts;
    const damaged: Buffer[] = [];
    for (let length = 0; length < good.length; length += Math.max(1, Math.floor(good.length / 40)))
      damaged.push(good.subarray(0, length));
    for (let i = 0; i < FLIPS; i++) {
      const copy = Buffer.from(good);
      const at = Math.floor(Math.random() * copy.length);
      copy[at]! ^= 1 << Math.floor(Math.random() * 8);
      damaged.push(copy);
    }
    let refused = 0;
    for (const bytes of damaged) {
      writeFileSync(path, bytes);
      const outcome = await Vault.open(dir, keys).then(
        (vault) => vault.current.accounts,
        (error: { kind?: string; message: string }) => error,
      );
      // Refused as damaged; or, when the flip turned schema 1 into a higher number, as "written by a newer OTP Desk".
      if ('message' in outcome) {
        expect(
          outcome,
          `byte damage refused as damage, not as a key problem: ${outcome.message}`,
        ).toMatchObject({ kind: expect.stringMatching(/^(integrity|unsupported-format)$/) });
        refused++;
      } else expect(outcome).toEqual(accounts);
      expect(readFileSync(path).equals(bytes)).toBe(true);
    }
    expect(refused).toBeGreaterThan(damaged.length * 0.9);
    console.log(
      `[corruption] ${damaged.length} damaged files: ${refused} refused as damaged, ${damaged.length - refused} harmless flips opened unchanged`,
    );
  });

  it('the app shows the restore choices and restores the previous version only when asked, keeping the damaged file', async () => {
    const { dir, keys, path, good } = await savedTwice();
    const truncated = good.subarray(0, good.length - 30);
    writeFileSync(path, truncated);
    const { host, status } = await startApp(dir, keys);
    expect(status).toMatchObject({
      state: 'unavailable',
      recovery: { previous: { accounts: 1 }, backup: null },
    });
    expect(status.message).toMatch(
      /is damaged .* nothing has been overwritten\. Restore the previous version \(vault\.json\.bak, 1 account,/,
    );
    expect(readFileSync(path).equals(truncated)).toBe(true);
    expect(await host.recover('previous')).toMatchObject({ state: 'unlocked' });
    expect(
      host
        .get()
        .listAccounts()
        .map((a) => a.issuer),
    ).toEqual(['First']);
    const kept = readdirSync(dir).find((n) => n.startsWith('vault.json.damaged-'))!;
    expect(readFileSync(join(dir, kept)).equals(truncated)).toBe(true);
  });

  it('the app offers the newest automatic backup and restores it with the backup password', async () => {
    const { dir, keys, path, service } = await savedTwice();
    const folder = mkdtempSync(join(tmpdir(), 'otp-desk-backups-'));
    await service.setSetting(BACKUP_KEY_SETTING, await prepareBackupKey('backup pw'));
    await service.setSetting('backupFolder', folder);
    const { host: first } = await startApp(dir, keys);
    await first.backups().runNow();
    first.close();
    // A later change: the previous version (vault.json.bak) now holds the backup folder setting.
    await service.addAccount(draft('AfterBackup'));
    const bytes = readFileSync(path);
    bytes[bytes.length - 40]! ^= 0x04;
    writeFileSync(path, bytes);
    const { host, status } = await startApp(dir, keys);
    expect(status.recovery?.backup?.file).toMatch(new RegExp(`^${folder}/otp-desk-backup-`));
    expect(status.message).toMatch(/or restore the newest automatic backup/);
    await expect(host.recover('backup', 'wrong')).rejects.toMatchObject({ kind: 'wrong-password' });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(await host.recover('backup', 'backup pw')).toMatchObject({ state: 'unlocked' });
    expect(
      host
        .get()
        .listAccounts()
        .map((a) => a.issuer),
    ).toEqual(['First', 'Second']);
    expect(existsSync(path)).toBe(true);
  });
});
