import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { deviceFiles, devicesDir, names, ok, pairedVaults, secretFile, tempFolder } from '../support/sync-cli';

const uri = (issuer: string, account: string) => `otpauth://totp/${issuer}:${account}?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}`;
const idOf = (vault: string, issuer: string) => (JSON.parse(ok(vault, 'list', '--json')) as { id: string; issuer: string }[]).find((a) => a.issuer === issuer)!.id;
const ownFile = (vault: string, folder: string) => join(devicesDir(folder), `${(JSON.parse(ok(vault, 'sync', 'status', '--json')) as { device: { id: string } }).device.id}.otpsync`);

describe.skipIf(!hasKeychain)(`otp-desk sync through a folder (${KEYCHAIN_SKIP_REASON} otherwise)`, () => {
  it('an add, an edit and a delete on one vault reach the other; the delete lands in its Trash and restores', { timeout: 120_000 }, () => {
    const folder = tempFolder();
    const { a, b } = pairedVaults(folder);
    ok(a, 'add', uri('GitHub', 'alice'));
    ok(a, 'sync', 'now');
    ok(b, 'sync', 'now');
    expect(names(b)).toEqual(['GitHub/alice']);
    ok(b, 'edit', 'GitHub', '--issuer', 'GitHub Work', '--group', 'Work', '--favorite', 'yes');
    ok(b, 'sync', 'now');
    expect(ok(a, 'sync', 'now')).toMatch(/1 changed/);
    expect(names(a)).toEqual(['GitHub Work/alice']);
    // A's replaced version is kept as history in its Trash.
    expect(JSON.parse(ok(a, 'trash', 'list', '--json'))).toMatchObject([{ issuer: 'GitHub', reason: 'overwritten' }]);
    const id = idOf(a, 'GitHub Work');
    ok(a, 'remove', id, '--yes');
    ok(a, 'sync', 'now');
    expect(ok(b, 'sync', 'now')).toMatch(/1 moved to the Trash/);
    expect(names(b)).toEqual([]);
    expect(JSON.parse(ok(b, 'trash', 'list', '--json'))).toMatchObject([{ id, issuer: 'GitHub Work', reason: 'sync' }]);
    ok(b, 'trash', 'restore', id);
    ok(b, 'sync', 'now');
    ok(a, 'sync', 'now');
    expect(names(a)).toEqual(['GitHub Work/alice']);
    // The folder holds no account name, issuer or key in the clear.
    for (const file of [join(folder, 'OTP Desk Sync', 'folder.json'), ...deviceFiles(folder).map((f) => join(devicesDir(folder), f))]) {
      expect(readFileSync(file).toString('latin1')).not.toMatch(/GitHub|alice|JBSWY3DP|Laptop|Desktop/);
    }
  });

  it('a wrong pairing code or sync password exits 3 and changes nothing; the right sync password joins', { timeout: 120_000 }, () => {
    const folder = tempFolder();
    const a = tempVault();
    ok(a, 'add', uri('GitLab', 'bob'));
    ok(a, 'sync', 'setup', folder, '--sync-password-file', secretFile('a long sync password'));
    const folderJson = readFileSync(join(folder, 'OTP Desk Sync', 'folder.json'), 'utf8');
    const b = tempVault();
    const wrongCode = runCli(b, 'sync', 'join', folder, '--code', 'AAAA-BBBB-CCCC-DDDD-EEEE');
    expect(wrongCode.status).toBe(3);
    expect(wrongCode.stderr).toMatch(/no pairing code waiting/);
    const wrongPassword = runCli(b, 'sync', 'join', folder, '--sync-password-file', secretFile('not the password'));
    expect(wrongPassword.status).toBe(3);
    expect(wrongPassword.stderr).toMatch(/sync password is wrong.*nothing was changed/);
    expect(existsSync(join(b, 'vault.json'))).toBe(false);
    expect(readFileSync(join(folder, 'OTP Desk Sync', 'folder.json'), 'utf8')).toBe(folderJson);
    ok(b, 'sync', 'join', folder, '--sync-password-file', secretFile('a long sync password'));
    expect(names(b)).toEqual(['GitLab/bob']);
  });

  it('folds in a conflict copy of its own file and removes it; skips a cut-off file without losing accounts', { timeout: 120_000 }, () => {
    const folder = tempFolder();
    const { a, b } = pairedVaults(folder);
    ok(a, 'add', uri('Acme', 'one'));
    ok(a, 'sync', 'now');
    const mine = ownFile(a, folder);
    const older = readFileSync(mine);
    ok(a, 'add', uri('Initech', 'two'));
    ok(a, 'sync', 'now');
    // Syncthing kept the older version as a conflict copy; Dropbox made another.
    const stConflict = mine.replace(/\.otpsync$/, '.sync-conflict-20261202-101010-ABCDEFG.otpsync');
    const dbConflict = mine.replace(/\.otpsync$/, " (Laptop's conflicted copy 2026-12-02).otpsync");
    writeFileSync(stConflict, older);
    writeFileSync(dbConflict, older);
    ok(a, 'sync', 'now');
    expect(existsSync(stConflict) || existsSync(dbConflict)).toBe(false);
    expect(names(a)).toEqual(['Acme/one', 'Initech/two']);
    ok(b, 'sync', 'now');
    expect(names(b)).toEqual(['Acme/one', 'Initech/two']);
    // A's file cut off mid-write: B says so, keeps everything, and reads it again once whole.
    const whole = readFileSync(mine);
    writeFileSync(mine, whole.subarray(0, Math.floor(whole.length / 2)));
    const run = runCli(b, 'sync', 'now');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/damaged or still being written; it is skipped/);
    expect(names(b)).toEqual(['Acme/one', 'Initech/two']);
    // A file from a newer OTP Desk is left alone, with a message to update.
    const newer = Buffer.from(whole);
    newer[8] = 99;
    writeFileSync(mine, newer);
    const newerRun = runCli(b, 'sync', 'now');
    expect(newerRun.stderr).toMatch(/newer OTP Desk; update OTP Desk/);
    expect(readFileSync(mine).equals(newer)).toBe(true);
    expect(names(b)).toEqual(['Acme/one', 'Initech/two']);
  });

  it('removing a device rotates the sync key: its later changes are ignored and it reads nothing new', { timeout: 120_000 }, () => {
    const folder = tempFolder();
    const { a, b } = pairedVaults(folder);
    const devices = JSON.parse(ok(a, 'sync', 'devices', '--json')) as { id: string; name: string; you?: boolean }[];
    expect(devices.map((d) => d.name).sort()).toEqual(['Desktop', 'Laptop']);
    const bId = devices.find((d) => !d.you)!.id;
    const keyBefore = JSON.parse(readFileSync(join(folder, 'OTP Desk Sync', 'folder.json'), 'utf8')).keyId;
    // B writes a change A has not read yet; a lost B could put that file back after its removal.
    ok(b, 'add', uri('Evil', 'mallory'));
    ok(b, 'sync', 'now');
    const bFile = ownFile(b, folder);
    const bBytes = readFileSync(bFile);
    ok(a, 'sync', 'remove-device', bId);
    expect(existsSync(bFile)).toBe(false);
    expect(JSON.parse(readFileSync(join(folder, 'OTP Desk Sync', 'folder.json'), 'utf8')).keyId).not.toBe(keyBefore);
    writeFileSync(bFile, bBytes);
    const removed = runCli(b, 'sync', 'now');
    expect(removed.stderr).toMatch(/This device was removed from the sync folder/);
    ok(a, 'add', uri('Secret', 'new'));
    ok(a, 'sync', 'now');
    expect(names(a)).toEqual(['Secret/new']);
    ok(b, 'sync', 'now');
    expect(names(b)).toEqual(['Evil/mallory']);
    expect(JSON.parse(ok(a, 'sync', 'devices', '--json')).map((d: { name: string }) => d.name)).toEqual(['Laptop']);
  });

  it('copies of folder.json from a sync tool resolve to the newest epoch', { timeout: 60_000 }, () => {
    const folder = tempFolder();
    const { a } = pairedVaults(folder);
    const path = join(folder, 'OTP Desk Sync', 'folder.json');
    const current = JSON.parse(readFileSync(path, 'utf8'));
    copyFileSync(path, join(folder, 'OTP Desk Sync', 'folder (1).json'));
    writeFileSync(path, JSON.stringify({ ...current, epoch: 1, devices: current.devices.slice(0, 1) }));
    expect(JSON.parse(ok(a, 'sync', 'devices', '--json')).map((d: { name: string }) => d.name).sort()).toEqual(['Desktop', 'Laptop']);
  });
});
