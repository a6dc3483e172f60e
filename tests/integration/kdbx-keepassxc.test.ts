import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../electron/core/exporters/build-export';
import { kdbxTitle } from '../../electron/core/exporters/kdbx';
import type { AccountDraft } from '../../electron/core/otp/account';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { EXPORT_ACCOUNTS } from '../unit/export-helpers';

// Independent truth for the KeePass export: KeePassXC itself (Debian's keepassxc package,
// installed by scripts/ensure-deps.mjs --test) opens the file and computes every code.

const hasKeepassxc = spawnSync('keepassxc-cli', ['--version']).status === 0;
const PASSWORD = 'team escrow 2024';

/** Every account kind the hold-all vault has, plus the code settings KeePassXC must honour. */
const HOLD_ALL: readonly (AccountDraft & { group?: string })[] = [
  ...EXPORT_ACCOUNTS,
  {
    type: 'totp',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA',
    algorithm: 'SHA512',
    digits: 8,
    period: 60,
    counter: 0,
    issuer: 'RFC 6238',
    account: 'sha512',
    group: 'Vectors',
  },
  {
    type: 'totp',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA',
    algorithm: 'SHA256',
    digits: 6,
    period: 60,
    counter: 0,
    issuer: 'RFC 6238',
    account: 'sha256',
    group: 'Vectors',
  },
  {
    type: 'totp',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1',
    digits: 8,
    period: 30,
    counter: 0,
    issuer: 'RFC 6238',
    account: 'sha1',
    group: 'Vectors',
  },
];

const env = { ...process.env, QT_QPA_PLATFORM: 'offscreen' };

/**
 * `keepassxc-cli show -t` for one entry: the TOTP code KeePassXC computes and a moment inside
 * the code window it was computed in. A run that straddles the end of a window (a few percent
 * of runs for 30 s codes) is repeated, so the comparison never depends on timing.
 */
function keepassxcCode(
  file: string,
  path: string,
  period: number,
): { code: string; atSeconds: number } {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = Date.now() / 1000;
    const run = spawnSync('keepassxc-cli', ['show', '-q', '-t', file, path], {
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
      env,
    });
    const after = Date.now() / 1000;
    if (run.status !== 0) throw new Error(`keepassxc-cli show ${path} failed: ${run.stderr}`);
    if (Math.floor(before / period) === Math.floor(after / period))
      return { code: run.stdout.trim(), atSeconds: Math.floor(before) };
  }
  throw new Error(`keepassxc-cli show ${path} never ran within one ${period} s code window`);
}

describe.skipIf(!hasKeychain || !hasKeepassxc)(
  `KeePass export read by keepassxc-cli ${!hasKeychain ? KEYCHAIN_SKIP_REASON : hasKeepassxc ? '' : '(keepassxc-cli missing: node scripts/ensure-deps.mjs --test installs it)'}`,
  () => {
    it('every TOTP entry shows the code OTP Desk gives at the same moment (SHA1/256/512, 6/7/8 digits, 30/60 s, Steam)', async () => {
      const dir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'kdbx-'));
      // The hold-all vault, filled through the CLI from an Aegis file (which carries the groups).
      const seed = await buildExport('aegis-plain', HOLD_ALL, { now: Date.now() });
      writeFileSync(join(dir, 'seed.json'), String(seed.files[0]!.data));
      const vault = tempVault();
      expect(runCli(vault, 'import', join(dir, 'seed.json')).status).toBe(0);
      writeFileSync(join(dir, 'pw'), `${PASSWORD}\n`);
      const file = join(dir, 'team.kdbx');
      const run = runCli(
        vault,
        'export',
        '--format',
        'kdbx',
        '--out',
        file,
        '--password-file',
        join(dir, 'pw'),
      );
      expect([run.status, run.stderr]).toEqual([0, '']);

      const listing = spawnSync('keepassxc-cli', ['ls', '-q', '-R', '-f', file], {
        input: `${PASSWORD}\n`,
        encoding: 'utf8',
        env,
      });
      expect(listing.status).toBe(0);
      const paths = HOLD_ALL.map((a) => (a.group ? `${a.group}/` : '') + kdbxTitle(a));
      expect(
        listing.stdout
          .trim()
          .split('\n')
          .filter((l) => !l.endsWith('/'))
          .sort(),
      ).toEqual([...paths].sort());

      // KeePassXC computes time-based codes only: the HOTP entry is for KeePassDX and KeePass 2 (checked in the unit test).
      const timeBased = HOLD_ALL.filter((a) => a.type !== 'hotp');
      expect(timeBased.map((a) => `${a.algorithm}/${a.digits}/${a.period}`)).toEqual(
        expect.arrayContaining([
          'SHA1/6/30',
          'SHA256/8/30',
          'SHA1/7/60',
          'SHA512/8/60',
          'SHA256/6/60',
          'SHA1/8/30',
          'SHA1/5/30',
        ]),
      );
      for (const account of timeBased) {
        const path = (account.group ? `${account.group}/` : '') + kdbxTitle(account);
        const seen = keepassxcCode(file, path, account.period);
        const ours = JSON.parse(
          runCli(vault, 'code', '--at', String(seen.atSeconds), '--json').stdout,
        ) as { account: string; issuer: string; code: string }[];
        const mine = ours.find(
          (c) => c.account === account.account && c.issuer === account.issuer,
        )!;
        expect({ path, code: seen.code }).toEqual({ path, code: mine.code });
      }
    });

    it('keepassxc-cli refuses the wrong password', async () => {
      const dir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'kdbx-'));
      const out = await buildExport('kdbx', EXPORT_ACCOUNTS.slice(0, 1), {
        now: Date.now(),
        password: PASSWORD,
      });
      writeFileSync(join(dir, 'a.kdbx'), out.files[0]!.data);
      const run = spawnSync('keepassxc-cli', ['ls', '-q', join(dir, 'a.kdbx')], {
        input: 'not the password\n',
        encoding: 'utf8',
        env,
      });
      expect(run.status).not.toBe(0);
    });
  },
);
