import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { CORPUS, hasCorpus } from '../support/corpus';
import { sealEnteExport } from '../support/ente-auth-export';
import { names, ok, secretFile, tempFolder } from '../support/sync-cli';
import { sealTwoFasBackup } from '../support/two-fas-backup';

const AEGIS = join(CORPUS, 'aegis-importers');
const corpusText = (file: string) => readFileSync(join(AEGIS, file), 'utf8');

/** A phone's accounts as the app keeps them, and how the app writes them into its backup file. */
interface PhoneApp<Entry> {
  readonly app: string;
  /** How the app names its backups: `n` makes each one newer than the last. */
  readonly fileName: (n: number) => string;
  /** The first backup: the corpus's own file where it is encrypted, as the real app wrote it. */
  readonly first: (folder: string, name: string) => Promise<void>;
  /** The accounts of the first backup. */
  readonly entries: () => Entry[];
  readonly write: (entries: readonly Entry[], password: string) => Promise<string>;
  /** A new account; one with a new issuer; [issuer, account] of an entry. */
  readonly added: Entry;
  readonly renamed: (entry: Entry, issuer: string) => Entry;
  readonly label: (entry: Entry) => [string, string];
}

interface TwoFasService {
  name: string;
  secret: string;
  otp: { account: string; issuer?: string };
}

/** 2FAS: the corpus's real encrypted schema-4 backup first, then backups of its plain twin's services. */
const TWO_FAS: PhoneApp<TwoFasService> = {
  app: '2FAS',
  fileName: (n) => `2fas-backup-2026120210000${n}.2fas`,
  first: async (folder, name) => copyFileSync(join(AEGIS, '2fas_authenticator_encrypted_v4.2fas'), join(folder, name)),
  entries: () => (JSON.parse(corpusText('2fas_authenticator_plain_v4.2fas')) as { services: TwoFasService[] }).services,
  write: async (entries, password) => sealTwoFasBackup(entries, password),
  added: { name: 'Mastodon', secret: 'KRSXG5CTMVRXEZLU', otp: { account: 'eve@example.social', issuer: 'Mastodon' } },
  renamed: (s, issuer) => ({ ...s, name: issuer, otp: { ...s.otp, issuer } }),
  label: (s) => [s.name, s.otp.account],
};

/** Ente Auth: local backups (encrypted, sealed by libsodium) of the corpus's Ente export lines. */
const ENTE_AUTH: PhoneApp<string> = {
  app: 'Ente Auth',
  fileName: (n) => `ente-auth-daily-backup-2026-12-02_10-00-0${n}.json`,
  first: async (folder, name) => writeFileSync(join(folder, name), await ENTE_AUTH.write(ENTE_AUTH.entries(), 'test')),
  entries: () => corpusText('ente_auth.txt').split('\n').filter(Boolean),
  write: (entries, password) => sealEnteExport(entries.join('\n'), password),
  added: 'otpauth://totp/Mastodon:eve%40example.social?secret=KRSXG5CTMVRXEZLU&issuer=Mastodon',
  renamed: (line, issuer) => {
    const url = new URL(line);
    url.searchParams.set('issuer', issuer);
    return url.toString().replace(/^(otpauth:\/\/\w+\/)[^:]*:/, `$1${encodeURIComponent(issuer)}:`);
  },
  label: (line) => {
    const url = new URL(line);
    return [url.searchParams.get('issuer')!, decodeURIComponent(url.pathname.slice(1)).split(':').slice(1).join(':')];
  },
};

/** The phone's first backup, older than every one dropped later. */
async function firstBackup(folder: string, phone: PhoneApp<unknown>): Promise<void> {
  await phone.first(folder, phone.fileName(0));
  const at = new Date(Date.UTC(2026, 11, 1));
  utimesSync(join(folder, phone.fileName(0)), at, at);
}

/** Drops backups into the followed folder as the app names them, each newer than the last. */
function dropper(folder: string, app: PhoneApp<unknown>) {
  let n = 1;
  return (text: string | Buffer, name = app.fileName(n)) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    const at = new Date(Date.UTC(2026, 11, 2, 10, 0, n++));
    utimesSync(path, at, at);
  };
}

describe.skipIf(!hasKeychain || !hasCorpus)(`otp-desk sync follow: 2FAS and Ente Auth backups, one way (${KEYCHAIN_SKIP_REASON}, or no corpus, otherwise)`, () => {
  describe.each([TWO_FAS, ENTE_AUTH] as PhoneApp<unknown>[])('$app', (phone) => {
    it('an add, an edit and a delete in successive backups land as an add, an edit and a Trash entry; other files are ignored; a damaged or re-keyed backup changes nothing', { timeout: 180_000 }, async () => {
      const folder = tempFolder('phone-');
      const vault = tempVault();
      const drop = dropper(folder, phone);
      await firstBackup(folder, phone);
      const entries = phone.entries();
      expect(ok(vault, 'sync', 'follow', folder, '--password-file', secretFile('test'))).toMatch(new RegExp(`${entries.length} added`));
      const before = names(vault);
      expect(before).toEqual(entries.map((e) => phone.label(e).join('/')).sort());
      expect(JSON.parse(ok(vault, 'sync', 'status', '--json')).follows).toEqual([expect.objectContaining({ folder, app: phone.app })]);

      drop(await phone.write([...entries, phone.added], 'test'));
      expect(ok(vault, 'sync', 'now')).toMatch(/1 added, 0 changed, 0 moved/);
      expect(names(vault)).toEqual([...before, 'Mastodon/eve@example.social'].sort());

      const [issuer, account] = phone.label(entries[1]!);
      const edited = [...entries, phone.added].map((e, i) => (i === 1 ? phone.renamed(e, 'SPDX Foundation') : e));
      drop(await phone.write(edited, 'test'));
      expect(ok(vault, 'sync', 'now')).toMatch(/0 added, 1 changed, 0 moved/);
      expect(names(vault)).toContain(`SPDX Foundation/${account}`);
      expect(names(vault)).not.toContain(`${issuer}/${account}`);

      const [goneIssuer, goneAccount] = phone.label(entries[2]!);
      drop(await phone.write(edited.filter((_, i) => i !== 2), 'test'));
      expect(ok(vault, 'sync', 'now')).toMatch(/0 added, 0 changed, 1 moved to the Trash/);
      expect(names(vault)).not.toContain(`${goneIssuer}/${goneAccount}`);
      expect(JSON.parse(ok(vault, 'trash', 'list', '--json'))).toContainEqual(expect.objectContaining({ issuer: goneIssuer, account: goneAccount, reason: 'sync' }));
      const current = names(vault);

      // Newer files that are not this app's backups: another app's backup, notes. Nothing changes, nothing complains.
      drop(corpusText('aegis_plain.json'), 'aegis-backup-20261203-000000.json');
      drop('shopping list', 'notes.txt');
      const quiet = runCli(vault, 'sync', 'now');
      expect(quiet.stdout).toMatch(/0 added, 0 changed, 0 moved/);
      expect(quiet.stderr).toBe('');
      expect(names(vault)).toEqual(current);

      // A backup cut off while it was copied: one message, nothing changes.
      drop((await phone.write(entries, 'test')).slice(0, 200));
      const damaged = runCli(vault, 'sync', 'now');
      expect(damaged.stderr).toMatch(/could not be read.*Nothing was changed/);
      expect(names(vault)).toEqual(current);

      // The password changed on the phone: one message, nothing changes.
      drop(await phone.write(entries, 'another password'));
      const rekeyed = runCli(vault, 'sync', 'now');
      expect(rekeyed.stderr).toMatch(new RegExp(`password for the ${phone.app} backups .* is wrong.*nothing was changed`));
      expect(names(vault)).toEqual(current);
    });

    it('a wrong password says so and follows nothing', { timeout: 60_000 }, async () => {
      const folder = tempFolder('phone-');
      const vault = tempVault();
      ok(vault, 'add', 'otpauth://totp/Keep:me?secret=JBSWY3DPEHPK3PXP&issuer=Keep');
      await firstBackup(folder, phone);
      const run = runCli(vault, 'sync', 'follow', folder, '--password-file', secretFile('not test'));
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`password for the ${phone.app} backups .* is wrong.*nothing was changed`));
      expect(names(vault)).toEqual(['Keep/me']);
      expect(JSON.parse(ok(vault, 'sync', 'status', '--json')).follows).toEqual([]);
    });
  });
});
