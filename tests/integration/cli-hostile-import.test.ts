import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { hostileInputs } from '../support/hostile-inputs';

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Issue 15's hostile inputs through the built CLI (which parses imports in its sandbox worker):
 * each exits 1 with one line naming the problem, and the vault file is byte-for-byte unchanged.
 */
describe.skipIf(!hasKeychain)(
  `hostile files through the CLI${hasKeychain ? '' : ` (${KEYCHAIN_SKIP_REASON})`}`,
  () => {
    it.each(hostileInputs().map((input) => [input.source.fileName, input] as const))(
      '%s exits 1 with one line and an unchanged vault',
      (_name, input) => {
        const vault = tempVault();
        expect(
          runCli(
            vault,
            'add',
            'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
          ).status,
        ).toBe(0);
        const before = digest(join(vault, 'vault.json'));
        const path = join(dirname(vault), input.source.fileName);
        writeFileSync(path, input.source.bytes);

        const run = runCli(vault, 'import', path);

        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^otp-desk: /);
        expect(lines[0]).toMatch(input.message);
        expect(digest(join(vault, 'vault.json'))).toBe(before);
        expect(JSON.parse(runCli(vault, 'list', '--json').stdout)).toHaveLength(1);
      },
    );

    it('random bytes given a password are "wrong password, or damaged or not andOTP", exit 1, nothing imported', () => {
      const vault = tempVault();
      expect(
        runCli(vault, 'add', 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example')
          .status,
      ).toBe(0);
      const random = hostileInputs().find((i) => i.source.fileName === 'random.bin')!;
      const path = join(dirname(vault), 'random.bin');
      writeFileSync(path, random.source.bytes);
      writeFileSync(`${path}.password`, 'guess\n');
      const run = runCli(vault, 'import', path, '--password-file', `${path}.password`);
      expect(run.status).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^otp-desk: .*damaged or not an andOTP backup/),
      ]);
    });
  },
);
