import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  closeSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../electron/adapters/service-host';
import { prepareBackupKey } from '../../electron/core/backup/backup';
import { BACKUP_KEY_SETTING } from '../../electron/core/backup/backup-settings';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { CLI, hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';

/**
 * Real disk faults, no injection: a 512 KiB tmpfs filled to the last byte (ENOSPC), and folders
 * the process may not write (EACCES) for a CLI that runs as root without CAP_DAC_OVERRIDE (setpriv).
 * Both need root: this machine runs the tests as root; GitHub's Linux runner does not, so ci.yml
 * runs this file once more under sudo with OTP_DESK_REQUIRE_DISK_FAULTS=1, which turns a skip
 * into a failure. macOS and Windows skip it. tests/unit/disk-faults.test.ts
 * covers the same paths with an injected fs layer everywhere.
 */
const isRoot = process.getuid?.() === 0;
const mountPoint = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'tiny-disk-'));
const mounted =
  isRoot &&
  process.platform === 'linux' &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0755', 'tmpfs', mountPoint]).status ===
    0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const SKIP = !hasKeychain
  ? KEYCHAIN_SKIP_REASON
  : !mounted
    ? 'needs root to mount a tmpfs'
    : !hasSetpriv
      ? 'needs setpriv (util-linux)'
      : '';
const hosts: ServiceHost[] = [];
afterAll(() => {
  hosts.forEach((h) => h.close());
  if (mounted) spawnSync('umount', ['-l', mountPoint]);
});

const URI = (issuer: string) =>
  `otpauth://totp/${issuer}:alice?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}`;
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir).map((n) => [n, readFileSync(join(dir, n)).toString('base64')]),
  );

/** Writes until the file system says ENOSPC; returns how many bytes fit. */
function fillDisk(folder: string): number {
  const fd = openSync(join(folder, 'filler'), 'w');
  let written = 0;
  try {
    for (let chunk = 64 * 1024; chunk >= 1;) {
      try {
        written += writeSync(fd, Buffer.alloc(chunk));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        chunk = Math.floor(chunk / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

/** The CLI as root without the capabilities that let root ignore file permissions. */
function runCliWithoutOverride(vault: string, ...args: string[]) {
  const result = spawnSync(
    'setpriv',
    [
      '--bounding-set',
      '-dac_override,-dac_read_search,-fowner',
      '--',
      process.execPath,
      CLI,
      '--vault',
      vault,
      ...args,
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every command that only reads still works: the user keeps getting codes. */
function stillShowsCodes(vault: string, run = runCli) {
  const codes = run(vault, 'code', '--json');
  expect(codes.status).toBe(0);
  expect(JSON.parse(codes.stdout)).toHaveLength(2);
}

if (SKIP && process.env['OTP_DESK_REQUIRE_DISK_FAULTS'] === '1')
  throw new Error(`OTP_DESK_REQUIRE_DISK_FAULTS is set but the disk-fault tests would skip: ${SKIP}`);
describe.skipIf(SKIP !== '')(`real disk faults${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  it('ENOSPC on a full tmpfs: a vault write, an export and a backup fail with "the disk is full" and change nothing', async () => {
    const vault = join(mountPoint, 'vault');
    expect(runCli(vault, 'add', URI('One')).status).toBe(0);
    expect(runCli(vault, 'add', URI('Two')).status).toBe(0);
    const backups = join(mountPoint, 'backups');
    mkdirSync(backups);
    const host = new ServiceHost(vault, new KeytarKeyStore(), []);
    hosts.push(host);
    await host.start();
    await host.get().setSetting(BACKUP_KEY_SETTING, await prepareBackupKey('backup pw'));
    await host.get().setSetting('backupFolder', backups);
    const before = snapshot(vault);
    expect(fillDisk(mountPoint)).toBeGreaterThan(0);

    const add = runCli(vault, 'add', URI('Three'));
    expect(add.status).toBe(1);
    expect(add.stderr).toMatch(
      /^otp-desk: Cannot save the vault in .*: the disk is full \(ENOSPC\)\. Free some space .*nothing was changed\.\n$/,
    );
    const exported = runCli(
      vault,
      'export',
      '--format',
      'uris',
      '--out',
      join(mountPoint, 'codes.txt'),
    );
    expect(exported.status).toBe(1);
    expect(exported.stderr).toMatch(/Cannot write .*codes\.txt: the disk is full \(ENOSPC\)/);
    const backup = await host.backups().runNow();
    expect(backup.lastError?.message).toMatch(
      /^Automatic backup to .* failed: the disk is full \(ENOSPC\)/,
    );
    await expect(
      host.get().addAccount({ ...host.get().accounts()[0]!, issuer: 'FromApp' }),
    ).rejects.toThrow(/the disk is full \(ENOSPC\)/);

    expect(snapshot(vault)).toEqual(before);
    expect(readdirSync(mountPoint).sort()).toEqual(['backups', 'filler', 'vault']);
    expect(readdirSync(backups)).toEqual([]);
    expect(host.get().codesAt(Date.now())).toHaveLength(2);
    stillShowsCodes(vault);
  });

  it('EACCES in folders the process may not write: a vault write and an export fail with "not allowed" and change nothing', () => {
    const vault = tempVault();
    expect(runCli(vault, 'add', URI('One')).status).toBe(0);
    expect(runCli(vault, 'add', URI('Two')).status).toBe(0);
    const before = snapshot(vault);
    chmodSync(vault, 0o500);
    try {
      const add = runCliWithoutOverride(vault, 'add', URI('Three'));
      expect(add.status).toBe(1);
      expect(add.stderr).toMatch(
        /^otp-desk: Cannot save the vault in .*: OTP Desk is not allowed to write there \(EACCES\)\. .*nothing was changed\.\n$/,
      );
      const outDir = mkdtempSync(join(tmpdir(), 'otp-desk-ro-'));
      chmodSync(outDir, 0o500);
      const exported = runCliWithoutOverride(
        vault,
        'export',
        '--format',
        'uris',
        '--out',
        join(outDir, 'codes.txt'),
      );
      expect(exported.status).toBe(1);
      expect(exported.stderr).toMatch(
        /Cannot write to the folder .*: OTP Desk is not allowed to write there \(EACCES\)\. Choose another --out path\./,
      );
      expect(readdirSync(outDir)).toEqual([]);
      stillShowsCodes(vault, runCliWithoutOverride);
    } finally {
      chmodSync(vault, 0o700);
    }
    expect(snapshot(vault)).toEqual(before);
  });
});
