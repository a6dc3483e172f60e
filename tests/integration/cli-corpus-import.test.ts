import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OtpParameters } from '../../electron/core/account';
import { generateCode } from '../../electron/core/otp';
import { CORPUS, hasCorpus, hasKeychain, runCli, tempVault } from '../support/cli';

interface ExpectedEntry {
  readonly type: 'totp' | 'hotp' | 'steam';
  readonly issuer: string;
  readonly name: string;
  readonly secret: string;
  readonly algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  readonly digits: number;
  readonly period?: number;
  readonly counter?: number;
}
interface ExpectedFile {
  readonly role?: string;
  readonly password?: string;
  readonly expect_count?: number;
  readonly entries?: readonly ExpectedEntry[];
}

const AT = 1_700_000_000;

/** Every corpus file with expectations, read from expected.json so new files are covered without code changes. */
function corpusFiles(): { folder: string; file: string; spec: ExpectedFile }[] {
  if (!hasCorpus) return [];
  return ['aegis-importers', 'google-migration'].flatMap((folder) => {
    const expected = JSON.parse(readFileSync(join(CORPUS, folder, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedFile> };
    return Object.entries(expected.files)
      .filter(([, spec]) => !spec.role || spec.role.startsWith('input'))
      .map(([file, spec]) => ({ folder, file, spec }));
  });
}

/**
 * google-migration's expected.json gives Google Authenticator's raw label as `name` (it may carry an
 * `Issuer:` prefix); OTP Desk splits labels as otpauth URIs do, the issuer field winning over the prefix.
 */
function asLabelSplit(entry: ExpectedEntry): ExpectedEntry {
  const colon = entry.name.indexOf(':');
  if (colon < 0) return entry;
  return { ...entry, issuer: entry.issuer || entry.name.slice(0, colon).trim(), name: entry.name.slice(colon + 1).trim() };
}

const distinct = (entries: readonly ExpectedEntry[]) =>
  entries.filter((e, i) => entries.findIndex((o) => o.secret === e.secret && o.issuer === e.issuer && o.name === e.name) === i);

const files = corpusFiles();
const positive = files.filter((f) => (f.spec.entries?.length ?? 0) > 0);
const negative = files.filter((f) => f.spec.expect_count === 0 && f.file !== 'only_comments.txt');

describe.skipIf(!hasKeychain || !hasCorpus)('every corpus export imports through the CLI', () => {
  it.each(positive.map((f) => [`${f.folder}/${f.file}`, f] as const))('%s gives its expected accounts and codes', (_name, { folder, file, spec }) => {
    const vault = tempVault();
    const args = ['import', join(CORPUS, folder, file)];
    if (spec.password) {
      const passwordFile = `${vault}.password`;
      writeFileSync(passwordFile, `${spec.password}\n`);
      args.push('--password-file', passwordFile);
    }
    const run = runCli(vault, ...args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const want = distinct(folder === 'google-migration' ? spec.entries!.map(asLabelSplit) : spec.entries!);
    const list = JSON.parse(runCli(vault, 'list', '--json').stdout) as { id: string; issuer: string; account: string; type: string; algorithm: string; digits: number; period?: number; counter?: number }[];
    const codes = JSON.parse(runCli(vault, 'code', '--at', String(AT), '--json').stdout) as { id: string; code: string }[];
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
    const run = runCli(vault, 'import', join(CORPUS, folder, file));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^otp-desk: .*(not|no|damaged|empty|cut short)/);
    expect(JSON.parse(runCli(vault, 'list', '--json').stdout)).toEqual([]);
  });
});
