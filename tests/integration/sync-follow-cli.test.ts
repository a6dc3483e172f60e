import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAegisBackup, writeAegisBackup } from '../../electron/core/backup/backup';
import type { BackupEntry } from '../../electron/core/backup/backup-entries';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { CORPUS, hasCorpus } from '../support/corpus';
import { names, ok, secretFile, tempFolder } from '../support/sync-cli';

const AEGIS = join(CORPUS, 'aegis-importers');
let backupNumber = 0;

/** Drops a backup into the followed folder as Aegis names its automatic ones, newer than the last. */
function drop(folder: string, text: string | Buffer): string {
  const path = join(folder, `aegis-backup-20261202-10000${backupNumber}.json`);
  writeFileSync(path, text);
  const at = new Date(Date.UTC(2026, 11, 2, 10, 0, backupNumber++));
  utimesSync(path, at, at);
  return path;
}

/** An encrypted Aegis backup (password "test") of `entries`, keeping Aegis's entry ids. */
const backupOf = (entries: readonly BackupEntry[]) => writeAegisBackup(entries.map((e) => ({ ...e, id: e.uuid! })), 'test');

describe.skipIf(!hasKeychain || !hasCorpus)(`otp-desk sync follow: a phone's Aegis backups, one way (${KEYCHAIN_SKIP_REASON}, or no ../shared corpus, otherwise)`, () => {
  it('an add, an edit and a delete in successive backups land as an add, an edit and a Trash entry', { timeout: 180_000 }, async () => {
    const folder = tempFolder('aegis-');
    const vault = tempVault();
    const password = secretFile('test');
    copyFileSync(join(AEGIS, 'aegis_encrypted.json'), join(folder, 'aegis-backup-20261201-000000.json'));
    utimesSync(join(folder, 'aegis-backup-20261201-000000.json'), new Date(Date.UTC(2026, 11, 1)), new Date(Date.UTC(2026, 11, 1)));
    expect(ok(vault, 'sync', 'follow', folder, '--password-file', password)).toMatch(/7 added/);
    const phone = [...(await readAegisBackup(readFileSync(join(AEGIS, 'aegis_encrypted.json'), 'utf8'), 'test')).entries];
    const before = names(vault);
    expect(before).toHaveLength(7);

    const added: BackupEntry = { ...phone[0]!, uuid: '0f0e0d0c-0b0a-4909-8807-060504030201', issuer: 'Mastodon', account: 'eve@example.social', secret: 'KRSXG5CTMVRXEZLU' };
    drop(folder, await backupOf([...phone, added]));
    expect(ok(vault, 'sync', 'now')).toMatch(/1 added, 0 changed, 0 moved/);
    expect(names(vault)).toEqual([...before, 'Mastodon/eve@example.social'].sort());

    const edited = [...phone, added].map((e) => (e.uuid === phone[1]!.uuid ? { ...e, issuer: 'SPDX Foundation', group: 'Work' } : e));
    drop(folder, await backupOf(edited));
    expect(ok(vault, 'sync', 'now')).toMatch(/0 added, 1 changed, 0 moved/);
    expect(names(vault)).toContain(`SPDX Foundation/${phone[1]!.account}`);
    expect(names(vault)).not.toContain(`${phone[1]!.issuer}/${phone[1]!.account}`);

    drop(folder, await backupOf(edited.filter((e) => e.uuid !== phone[2]!.uuid)));
    expect(ok(vault, 'sync', 'now')).toMatch(/0 added, 0 changed, 1 moved to the Trash/);
    expect(names(vault)).not.toContain(`${phone[2]!.issuer}/${phone[2]!.account}`);
    expect(JSON.parse(ok(vault, 'trash', 'list', '--json'))).toContainEqual(expect.objectContaining({ accountId: phone[2]!.uuid, issuer: phone[2]!.issuer, reason: 'sync' }));
    // Nothing new in the folder: nothing changes.
    expect(ok(vault, 'sync', 'now')).toMatch(/0 added, 0 changed, 0 moved/);

    // A damaged newest backup: a message, and nothing changes.
    const current = names(vault);
    drop(folder, (await backupOf(edited)).slice(0, 300));
    const damaged = runCli(vault, 'sync', 'now');
    expect(damaged.stderr).toMatch(/could not be read.*Nothing was changed/);
    expect(names(vault)).toEqual(current);
  });

  it('a wrong password says so and follows nothing', { timeout: 60_000 }, () => {
    const folder = tempFolder('aegis-');
    const vault = tempVault();
    ok(vault, 'add', 'otpauth://totp/Keep:me?secret=JBSWY3DPEHPK3PXP&issuer=Keep');
    copyFileSync(join(AEGIS, 'aegis_encrypted.json'), join(folder, 'aegis-backup-20261201-000000.json'));
    const run = runCli(vault, 'sync', 'follow', folder, '--password-file', secretFile('not test'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/password for the Aegis backups .* is wrong.*nothing was changed/);
    expect(names(vault)).toEqual(['Keep/me']);
    expect(JSON.parse(ok(vault, 'sync', 'status', '--json')).follows).toEqual([]);
  });
});
