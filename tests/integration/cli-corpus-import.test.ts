import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OtpParameters } from '../../electron/core/otp/account';
import { generateCode } from '../../electron/core/otp/otp';
import { AuthenticatorService } from '../../electron/service';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { hasKeychain, runCli, tempVault } from '../support/cli';
import { corpusDir, hasCorpus, readExpected, splitRawLabel, type ExpectedEntry, type ExpectedFile, type ExpectedFolder } from '../support/corpus';

const AT = 1_700_000_000;

/** Every corpus file with expectations, read from expected.json so new files are covered without code changes. */
function corpusFiles(): { folder: ExpectedFolder; file: string; spec: ExpectedFile }[] {
  if (!hasCorpus) return [];
  return (['aegis-importers', 'google-migration'] as const).flatMap((folder) =>
    Object.entries<ExpectedFile>(readExpected(folder))
      .filter(([, spec]) => !spec.role || spec.role.startsWith('input'))
      .map(([file, spec]) => ({ folder, file, spec })),
  );
}

const distinct = (entries: readonly ExpectedEntry[]) =>
  entries.filter((e, i) => entries.findIndex((o) => o.secret === e.secret && o.issuer === e.issuer && o.name === e.name) === i);

const files = corpusFiles();
const positive = files.filter((f) => (f.spec.entries?.length ?? 0) > 0);
const negative = files.filter((f) => f.spec.expect_count === 0 && f.file !== 'only_comments.txt');

describe.skipIf(!hasKeychain || !hasCorpus)('every corpus export imports through the CLI', () => {
  it.each(positive.map((f) => [`${f.folder}/${f.file}`, f] as const))('%s gives its expected accounts and codes', async (_name, { folder, file, spec }) => {
    const vault = tempVault();
    const args = ['import', join(corpusDir(folder), file)];
    if (spec.password) {
      const passwordFile = `${vault}.password`;
      writeFileSync(passwordFile, `${spec.password}\n`);
      args.push('--password-file', passwordFile);
    }
    const run = runCli(vault, ...args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // google-migration's `name` is the raw label, which OTP Desk splits into issuer and account.
    const want = distinct(folder === 'google-migration' ? spec.entries!.map(splitRawLabel) : spec.entries!);
    // What the CLI wrote, read back as the app opens it (through the same keychain): list and code
    // --json have tests of their own, and two more CLI starts per file were most of this file's time.
    const service = await AuthenticatorService.open(vault, new KeytarKeyStore());
    const list = service.accounts();
    const codes = service.codesAt(AT * 1000);
    expect(list).toHaveLength(want.length);
    for (const entry of want) {
      const params: OtpParameters = { type: entry.type, secret: entry.secret, algorithm: entry.algorithm, digits: entry.digits, period: entry.period ?? 30, counter: entry.counter ?? 0 };
      const expectedCode = generateCode(params, AT);
      // Where a format repeats the issuer in the name ("Deno:Mason"), expected.json's notes accept the name without it.
      const names = [entry.name, entry.name.startsWith(`${entry.issuer}:`) ? entry.name.slice(entry.issuer.length + 1) : entry.name];
      const match = list.find((a) => a.issuer === entry.issuer && names.includes(a.account) && codes.find((c) => c.id === a.id)?.code === expectedCode);
      expect(match, `${entry.issuer}/${entry.name} with its secret`).toBeDefined();
      expect(match).toMatchObject({ type: entry.type, algorithm: entry.algorithm, digits: entry.digits, ...(entry.type === 'hotp' ? { counter: entry.counter } : { period: entry.period }) });
    }
  });

  it.each(negative.map((f) => [`${f.folder}/${f.file}`, f] as const))('%s is refused with one clear line and nothing imported', (_name, { folder, file }) => {
    const vault = tempVault();
    const run = runCli(vault, 'import', join(corpusDir(folder), file));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^otp-desk: .*(not|no|damaged|empty|cut short)/);
    // Nothing imported, and nothing created: a failed import into a new folder leaves no vault behind.
    expect(existsSync(vault)).toBe(false);
  });
});
