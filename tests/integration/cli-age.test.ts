import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault, vaultFromUris } from '../support/cli';
import { runOnTerminal } from '../support/terminal';

// Escrow to people (issue 22), with Debian's `age`/`age-keygen`, OpenSSH's `ssh-keygen` and
// `oathtool` as independent truth: what OTP Desk encrypts, age decrypts, and the reverse.

const TOOLS = ['age', 'age-keygen', 'ssh-keygen', 'oathtool', 'script'];
const missingTools = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const onLinux = process.platform === 'linux';

const URIS = [
  'otpauth://totp/Amazon%20Web%20Services:root@123456789012?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Amazon%20Web%20Services',
  'otpauth://totp/Break%20Glass:admin?secret=JBSWY3DPEHPK3PXP&issuer=Break%20Glass&algorithm=SHA256&digits=8&period=60',
  'otpauth://totp/ACME:alice?secret=KRSXG5CTMVRXEZLU&issuer=ACME&algorithm=SHA512',
];
const AT = 1_700_000_000;

interface Keys {
  readonly dir: string;
  readonly ageKey: string;
  readonly ageRecipient: string;
  readonly ssh: readonly string[]; // private key paths; `.pub` beside each
  readonly sshWithPassphrase: string;
  readonly outsider: string;
}

function makeKeys(): Keys {
  const dir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'cli-age-'));
  const ageKey = join(dir, 'age-key.txt');
  execFileSync('age-keygen', ['-o', ageKey], { stdio: 'ignore' });
  const sshKey = (name: string, passphrase = '') => {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', name, '-f', join(dir, name)]);
    return join(dir, name);
  };
  return {
    dir,
    ageKey,
    ageRecipient: execFileSync('age-keygen', ['-y', ageKey]).toString().trim(),
    ssh: [sshKey('admin-b'), sshKey('admin-c')],
    sshWithPassphrase: sshKey('admin-d', 'correct horse battery'),
    outsider: sshKey('outsider'),
  };
}

const uriLines = (text: string) => text.split('\n').filter((l) => l.startsWith('otpauth://'));

/** oathtool's code for an otpauth link at AT: the independent oracle. */
function oathtoolCode(uri: string): string {
  const params = new URL(uri).searchParams;
  const algorithm = (params.get('algorithm') ?? 'SHA1').toLowerCase();
  return execFileSync('oathtool', [`--totp=${algorithm}`, '-b', params.get('secret')!, '-d', params.get('digits') ?? '6', '-s', `${params.get('period') ?? '30'}s`, '-N', `@${AT}`])
    .toString()
    .trim();
}

const vaultCodes = (vault: string) =>
  (JSON.parse(runCli(vault, 'code', '--at', String(AT), '--json').stdout) as { issuer: string; account: string; code: string }[]).map((c) => `${c.issuer}/${c.account}=${c.code}`).sort();

const vaultWith = (uris: readonly string[]) => vaultFromUris(uris);

describe.runIf(onLinux)('the age tools the escrow tests rely on', () => {
  it('age, age-keygen, ssh-keygen, oathtool and script are installed (node scripts/ensure-deps.mjs --test installs them)', () => {
    expect(missingTools).toEqual([]);
  });
});

describe.skipIf(!hasKeychain || missingTools.length > 0)(
  `age exports and imports against the age CLI${hasKeychain ? '' : ` (skipped: ${KEYCHAIN_SKIP_REASON})`}${missingTools.length ? ` (skipped: ${missingTools.join(', ')} missing)` : ''}`,
  () => {
    let keys: Keys;
    beforeAll(() => {
      keys = makeKeys();
    });

    it('an export to one age key and two SSH ed25519 keys decrypts with each identity through age, giving exactly the chosen accounts and oathtool codes', () => {
      const vault = vaultWith(URIS);
      const out = join(keys.dir, 'escrow.age');
      const run = runCli(vault, 'export', '--format', 'age', '--recipient', keys.ageRecipient, '--recipient', readFileSync(`${keys.ssh[0]}.pub`, 'utf8').trim(), '--recipients-file', `${keys.ssh[1]}.pub`, '--query', 'a', '--out', out);
      expect([run.status, run.stderr, run.stdout.trim()]).toEqual([0, '', `Exported 3 accounts to ${out}, encrypted to 3 recipients.`]);
      expect(readFileSync(out).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
      const expected = vaultCodes(vault);
      for (const identity of [keys.ageKey, ...keys.ssh]) {
        const plain = execFileSync('age', ['-d', '-i', identity, out]).toString();
        const uris = uriLines(plain);
        expect(uris).toHaveLength(URIS.length);
        const codes = uris.map((uri) => {
          const label = decodeURIComponent(new URL(uri).pathname.replace(/^\/\/totp\//, '').replace(/^\//, ''));
          return `${label.replace(':', '/')}=${oathtoolCode(uri)}`;
        });
        expect(codes.sort()).toEqual(expected);
      }
      // Nobody else: age itself refuses a key that is not a recipient.
      expect(spawnSync('age', ['-d', '-i', keys.outsider, out]).status).not.toBe(0);
    });

    it('an ssh-rsa recipient (3072-bit) decrypts with age -d -i and its RSA key; OTP Desk itself points RSA identities to age -d', () => {
      execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '3072', '-N', '', '-C', 'rsa-admin', '-f', join(keys.dir, 'rsa')]);
      const vault = vaultWith([URIS[0]!]);
      const out = join(keys.dir, 'rsa.age');
      expect(runCli(vault, 'export', '--format', 'age', '--recipients-file', join(keys.dir, 'rsa.pub'), '--out', out).status).toBe(0);
      expect(uriLines(execFileSync('age', ['-d', '-i', join(keys.dir, 'rsa'), out]).toString()).map(oathtoolCode)).toEqual([oathtoolCode(URIS[0]!)]);
      const back = runCli(tempVault(), 'import', out, '--identity', join(keys.dir, 'rsa'));
      expect([back.status, back.stderr.trim()]).toEqual([1, `otp-desk: The SSH private key rsa is an ssh-rsa key; OTP Desk decrypts age files with ssh-ed25519 keys and age keys. Decrypt with age -d -i rsa and import the result. Nothing was imported.`]);
    });

    it('--query, --armor and --inner csv: only the chosen account, as PEM-style text age reads', () => {
      const vault = vaultWith(URIS);
      const run = runCli(vault, 'export', '--format', 'age', '--recipients-file', `${keys.ssh[0]}.pub`, '--armor', '--inner', 'csv', '--query', 'Break');
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n[\s\S]+\n-----END AGE ENCRYPTED FILE-----$/);
      const csv = execFileSync('age', ['-d', '-i', keys.ssh[0]!], { input: run.stdout }).toString();
      expect(csv).toContain('JBSWY3DPEHPK3PXP');
      expect(csv).not.toContain('GEZDGNBVGY3TQOJQ');
      expect(csv).not.toContain('KRSXG5CTMVRXEZLU');
    });

    it('age -e output of a URI list imports back with --identity (SSH key, age key, armored)', () => {
      const list = join(keys.dir, 'list.txt');
      writeFileSync(list, `${URIS.join('\n')}\n`);
      const bySsh = join(keys.dir, 'by-ssh.age');
      execFileSync('age', ['-e', '-R', `${keys.ssh[1]}.pub`, '-o', bySsh, list]);
      const vault = tempVault();
      const run = runCli(vault, 'import', bySsh, '--identity', keys.ssh[1]!);
      expect([run.status, run.stderr, run.stdout.trim()]).toEqual([0, '', 'Imported 3 accounts (otpauth link list in an age file).']);
      const codes = vaultCodes(vault);
      expect(codes).toHaveLength(3);
      expect(codes.map((c) => c.split('=')[1]).sort()).toEqual(URIS.map(oathtoolCode).sort());

      const byAge = join(keys.dir, 'by-age.age');
      execFileSync('age', ['-e', '-a', '-r', keys.ageRecipient, '-o', byAge, list]);
      const other = tempVault();
      expect(runCli(other, 'import', byAge, '--identity', keys.ageKey).stdout.trim()).toBe('Imported 3 accounts (otpauth link list in an age file).');
      expect(vaultCodes(other)).toEqual(codes);
    });

    it('a passphrase-protected SSH key is asked for its passphrase on a terminal, and a wrong one changes nothing', async () => {
      const file = join(keys.dir, 'for-d.age');
      execFileSync('age', ['-e', '-R', `${keys.sshWithPassphrase}.pub`, '-o', file], { input: `${URIS[0]}\n` });
      const vault = vaultWith([URIS[2]!]);
      const before = readFileSync(join(vault, 'vault.json'));
      const wrong = await runOnTerminal(['--vault', vault, 'import', file, '--identity', keys.sshWithPassphrase], 'wrong guess', 'Passphrase for ');
      expect(wrong.status).toBe(1);
      expect(wrong.output).toContain('Wrong passphrase for the SSH private key admin-d. Nothing was imported.');
      expect(wrong.output).not.toContain('wrong guess');
      expect(readFileSync(join(vault, 'vault.json'))).toEqual(before);
      const right = await runOnTerminal(['--vault', vault, 'import', file, '--identity', keys.sshWithPassphrase], 'correct horse battery', 'Passphrase for ');
      expect(right.status).toBe(0);
      expect(right.output).not.toContain('correct horse');
      expect(vaultCodes(vault)).toHaveLength(2);
      // Without a terminal there is no one to ask: one line saying what to do.
      const piped = runCli(vault, 'import', file, '--identity', keys.sshWithPassphrase);
      expect(piped.status).toBe(1);
      expect(piped.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^otp-desk: The SSH key .*admin-d is protected by a passphrase: run the command in a terminal/)]);
    });

    it('a wrong identity, a truncated file and a file for other recipients: one clear line, exit 1, vault unchanged', () => {
      const vault = vaultWith([URIS[0]!]);
      const list = join(keys.dir, 'one.txt');
      writeFileSync(list, `${URIS[1]}\n${URIS[2]}\n`);
      const forB = join(keys.dir, 'for-b.age');
      execFileSync('age', ['-e', '-R', `${keys.ssh[0]}.pub`, '-r', keys.ageRecipient, '-o', forB, list]);
      const truncated = join(keys.dir, 'truncated.age');
      writeFileSync(truncated, readFileSync(forB).subarray(0, readFileSync(forB).length - 20));
      const forOthers = join(keys.dir, 'for-others.age');
      execFileSync('age', ['-e', '-R', `${keys.outsider}.pub`, '-o', forOthers, list]);
      const notAKey = join(keys.dir, 'notes.txt');
      writeFileSync(notAKey, 'my age key is in the safe\n');
      const before = readFileSync(join(vault, 'vault.json'));
      const cases: [string, string, RegExp][] = [
        [forB, keys.ssh[1]!, /^otp-desk: admin-c does not open for-b\.age: it is encrypted to 1 age key, 1 ssh-ed25519 key, none of them this key\. Use the identity of one of its recipients\. Nothing was imported\.$/],
        [truncated, keys.ssh[0]!, /^otp-desk: truncated\.age is damaged or incomplete \(cut off or changed\), so it can't be decrypted\. Use a complete copy of the file\. Nothing was imported\.$/],
        [forOthers, keys.ageKey, /^otp-desk: age-key\.txt does not open for-others\.age: it is encrypted to 1 ssh-ed25519 key, none of them this key\./],
        [forB, notAKey, /^otp-desk: Line 1 of notes\.txt is not a valid age secret key/],
        [forB, `${keys.ssh[0]}.pub`, /^otp-desk: admin-b\.pub holds a public key \(a recipient\); decrypting needs the matching private key/],
      ];
      for (const [file, identity, message] of cases) {
        const run = runCli(vault, 'import', file, '--identity', identity);
        expect(run.status).toBe(1);
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
        expect(run.stdout).toBe('');
      }
      expect(readFileSync(join(vault, 'vault.json'))).toEqual(before);
      expect(vaultCodes(vault)).toHaveLength(1);
    });

    it('refuses a malformed or unsupported recipient by naming it, before touching the vault', () => {
      const vault = vaultWith([URIS[0]!]);
      const bad = join(keys.dir, 'team.keys');
      writeFileSync(bad, `# the team\n${readFileSync(`${keys.ssh[0]}.pub`, 'utf8')}ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFtXzVAjGFkk/zGl admin-cut\n`);
      const cut = runCli(vault, 'export', '--format', 'age', '--recipients-file', bad, '--armor');
      expect([cut.status, cut.stdout]).toEqual([1, '']);
      expect(cut.stderr.trim()).toBe(`otp-desk: ${bad}, line 3: ssh-ed25519 AAAAC3Nz… is not a valid ssh-ed25519 public key (damaged or cut off). Copy the whole line from the .pub file.`);
      execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '1024', '-N', '', '-f', join(keys.dir, 'weak-rsa')]);
      const rsa = runCli(vault, 'export', '--format', 'age', '--recipients-file', join(keys.dir, 'weak-rsa.pub'), '--armor');
      expect(rsa.stderr.trim()).toMatch(/^otp-desk: .*weak-rsa\.pub, line 1: ssh-rsa AAAAB3NzaC1y… is a 1024-bit RSA key, too small to be safe \(at least 2048\)\. Ask for an ed25519 key/);
      execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', '', '-f', join(keys.dir, 'ecdsa')]);
      const ecdsa = runCli(vault, 'export', '--format', 'age', '--recipients-file', join(keys.dir, 'ecdsa.pub'), '--armor');
      expect(ecdsa.stderr.trim()).toMatch(/is an ecdsa-sha2-nistp256 key; OTP Desk encrypts to ssh-ed25519 and ssh-rsa keys and age keys\. Ask for an ed25519 key/);
      const secret = runCli(vault, 'export', '--format', 'age', '--recipients-file', keys.ageKey, '--armor');
      expect(secret.status).toBe(1);
      expect(secret.stderr).toMatch(/this is a private key, not a recipient/);
      expect(secret.stderr).not.toMatch(/AGE-SECRET-KEY/);
      const none = runCli(vault, 'export', '--format', 'age', '--armor');
      expect(none.status).toBe(2);
    });
  },
);
