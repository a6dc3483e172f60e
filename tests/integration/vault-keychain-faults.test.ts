import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../electron/adapters/service-host';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import {
  CLI,
  hasSecretServiceFaults,
  runCli,
  SECRET_SERVICE_FAULTS_SKIP_REASON,
  tempVault,
} from '../support/cli';
import { readVaultJson } from '../support/vault-json';

const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const vaultId = (dir: string) =>
  readVaultJson(dir).id;
const temp = () => mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'kc-faults-'));
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A vault with one account, made through the real keychain. */
function vaultWithAccount(): { dir: string; bytes: Buffer } {
  const dir = tempVault();
  expect(runCli(dir, 'add', URI).status).toBe(0);
  return { dir, bytes: readFileSync(join(dir, 'vault.json')) };
}

/** `list` and `add` both refuse with exit 3 and the same one line; the vault file keeps every byte. */
function cliRefuses(dir: string, bytes: Buffer, env: NodeJS.ProcessEnv = process.env): string {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, '--vault', dir, ...args], { encoding: 'utf8', env });
  const list = run('list');
  const add = run('add', '--secret', 'GEZDGNBVGY3TQOJQ', '--issuer', 'New', '--account', 'x');
  expect([list.status, add.status]).toEqual([3, 3]);
  expect(list.stderr.trim().split('\n')).toHaveLength(1);
  expect(add.stderr).toBe(list.stderr);
  expect(readFileSync(join(dir, 'vault.json')).equals(bytes)).toBe(true);
  return list.stderr.trim();
}

/** The app does not open the vault, shows why, and can't write into it. */
async function appRefuses(dir: string, bytes: Buffer): Promise<string> {
  const host = new ServiceHost(dir, new KeytarKeyStore(), []);
  cleanups.push(() => host.close());
  const status = await host.start();
  expect(status.state).not.toBe('unlocked');
  expect(() => host.get()).toThrow();
  expect(readFileSync(join(dir, 'vault.json')).equals(bytes)).toBe(true);
  return status.state === 'unlocked' ? '' : (status.message ?? '');
}

/** A D-Bus session bus on which nothing provides org.freedesktop.secrets (no service files). */
async function busWithoutSecretService(): Promise<string> {
  const config = join(temp(), 'bus.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${tmpdir()}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
  );
  const daemon = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1']);
  cleanups.push(() => daemon.kill());
  return new Promise((resolveAddress, reject) => {
    daemon.stdout.once('data', (chunk: Buffer) => resolveAddress(chunk.toString().trim()));
    daemon.once('error', reject);
  });
}

describe.skipIf(!hasSecretServiceFaults)(
  `keychain faults against the real Secret Service${hasSecretServiceFaults ? '' : ` (skipped: ${SECRET_SERVICE_FAULTS_SKIP_REASON})`}`,
  () => {
    const messages: Record<string, string> = {};

    it('Secret Service absent: says no keychain answered and what to start', async () => {
      const { dir, bytes } = vaultWithAccount();
      const address = await busWithoutSecretService();
      messages['absent'] = cliRefuses(dir, bytes, {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: address,
      });
      expect(messages['absent']).toMatch(
        /^otp-desk: No OS keychain answered \(.*org\.freedesktop\.secrets.*\)\. Start your OS keychain/,
      );
    });

    it('keyring locked: says it is locked and how to unlock it', () => {
      // Locking the keyring would lock it for every test sharing this session, so this one runs in its own.
      const dir = tempVault();
      const lock = `gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets --method org.freedesktop.Secret.Service.Lock "[objectpath '/org/freedesktop/secrets/collection/login']" >/dev/null`;
      const cli = (args: string) => `"${process.execPath}" "${CLI}" --vault "${dir}" ${args}`;
      const script = [
        `${cli(`add '${URI}'`)} >/dev/null || exit 10`,
        `cp "${dir}/vault.json" "${dir}/before.json"`,
        lock,
        `${cli('list')} 2>"${dir}/list.err"; echo "list=$?"`,
        `${cli('add --secret GEZDGNBVGY3TQOJQ --issuer New --account x')} 2>"${dir}/add.err"; echo "add=$?"`,
        `cmp -s "${dir}/vault.json" "${dir}/before.json" && echo unchanged`,
      ].join('\n');
      const run = spawnSync(
        'dbus-run-session',
        [
          '--',
          process.execPath,
          resolve(__dirname, '../../scripts/with-keyring.mjs'),
          'sh',
          '-c',
          script,
        ],
        { encoding: 'utf8' },
      );
      expect(run.stdout.trim().split('\n')).toEqual(['list=3', 'add=3', 'unchanged']);
      messages['locked'] = readFileSync(join(dir, 'list.err'), 'utf8').trim();
      expect(readFileSync(join(dir, 'add.err'), 'utf8').trim()).toBe(messages['locked']);
      expect(messages['locked']).toMatch(/^otp-desk: The OS keychain is locked\. Unlock it/);
    });

    it('item deleted: says the keychain has no key for this vault', async () => {
      const { dir, bytes } = vaultWithAccount();
      expect(await keytar.deletePassword('OTP Desk', vaultId(dir))).toBe(true);
      messages['deleted'] = cliRefuses(dir, bytes);
      expect(messages['deleted']).toMatch(
        /^otp-desk: The OS keychain has no key for this vault .*deleted/,
      );
      expect(await appRefuses(dir, bytes)).toBe(messages['deleted'].replace(/^otp-desk: /, ''));
      expect(await keytar.getPassword('OTP Desk', vaultId(dir))).toBeNull();
    });

    it('item holding a wrong key: says the key does not open the vault, and keeps the item', async () => {
      const { dir, bytes } = vaultWithAccount();
      const wrong = Buffer.alloc(32, 7).toString('base64');
      await keytar.setPassword('OTP Desk', vaultId(dir), wrong);
      messages['wrong'] = cliRefuses(dir, bytes);
      expect(messages['wrong']).toMatch(
        /^otp-desk: The key in the OS keychain .* is the wrong key/,
      );
      expect(await appRefuses(dir, bytes)).toBe(messages['wrong'].replace(/^otp-desk: /, ''));
      expect(await keytar.getPassword('OTP Desk', vaultId(dir))).toBe(wrong);
    });

    it('gives four different messages', () => {
      expect(Object.keys(messages).sort()).toEqual(['absent', 'deleted', 'locked', 'wrong']);
      expect(new Set(Object.values(messages)).size).toBe(4);
    });
  },
);
