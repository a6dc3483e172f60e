import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as kdbxweb from 'kdbxweb';
import { afterEach, describe, expect, test } from 'vitest';
import { buildExport } from '../../electron/core/exporters/build-export';
import { KDBX_ARGON2 } from '../../electron/core/exporters/kdbx';
import { parseOtpauthUri } from '../../electron/core/otp/otpauth';
import { corpusDir, hasCorpusFolder } from '../support/corpus';
import { EXPORT_ACCOUNTS, fieldsOf, freshVault, importFiles } from './export-helpers';

// KeePass and Bitwarden exports: what password managers teams already run read from us.

const NOW = Date.UTC(2024, 0, 31, 12, 0, 0);
const PASSWORD = 'escrow passphrase';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function openKdbx(data: string | Uint8Array, password: string) {
  const bytes = data as Uint8Array;
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  return kdbxweb.Kdbx.load(
    buffer,
    new kdbxweb.KdbxCredentials(kdbxweb.ProtectedValue.fromString(password)),
  );
}

const text = (value: kdbxweb.KdbxEntryField | undefined) =>
  value instanceof kdbxweb.ProtectedValue ? value.getText() : (value ?? '');

describe('KeePass (KDBX 4)', () => {
  test('one entry per account in a group per OTP Desk group, with the otpauth URI in the protected otp field', async () => {
    const output = await buildExport('kdbx', EXPORT_ACCOUNTS, { now: NOW, password: PASSWORD });
    expect(output.encrypted).toBe(true);
    expect(output.files.map((f) => f.fileName)).toEqual(['otp-desk-20240131-120000.kdbx']);
    const db = await openKdbx(output.files[0]!.data, PASSWORD);
    expect(db.versionMajor).toBe(4);
    expect(
      kdbxweb.ByteUtils.bytesToBase64(db.header.kdfParameters!.get('$UUID') as ArrayBuffer),
    ).toBe(kdbxweb.Consts.KdfId.Argon2id);
    expect(Number(db.header.kdfParameters!.get('M'))).toBe(KDBX_ARGON2.memoryKiB * 1024);

    const root = db.getDefaultGroup();
    const entries = [...root.allEntries()];
    expect(
      entries.map((e) => [
        e.parentGroup === root ? '' : e.parentGroup!.name,
        text(e.fields.get('Title')),
        text(e.fields.get('UserName')),
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['Work', 'GitHub (ana@example.com)', 'ana@example.com'],
        ['', 'Bank, "Main" & Co (ana smith)', 'ana smith'],
        ['Work', 'VPN (ana:admin)', 'ana:admin'],
        ['', 'Steam (gamer)', 'gamer'],
        ['', 'no-issuer@example.com', 'no-issuer@example.com'],
      ]),
    );
    expect(entries).toHaveLength(EXPORT_ACCOUNTS.length);
    for (const entry of entries)
      expect(entry.fields.get('otp')).toBeInstanceOf(kdbxweb.ProtectedValue);
    const back = EXPORT_ACCOUNTS.map((a) =>
      entries.find((e) => text(e.fields.get('UserName')) === a.account)!,
    );
    expect(back.map((e) => fieldsOf(parseOtpauthUri(text(e.fields.get('otp')))))).toEqual(
      EXPORT_ACCOUNTS.map(fieldsOf),
    );
    expect(text(back[4]!.fields.get('otp'))).toMatch(/^otpauth:\/\/totp\/.*&encoder=steam$/);
    expect(text(back[2]!.fields.get('HmacOtp-Counter'))).toBe('4711');
    expect(text(back[1]!.fields.get('TimeOtp-Algorithm'))).toBe('HMAC-SHA-256');
  });

  test('a wrong password does not open it, and no secret is readable in the file', async () => {
    const output = await buildExport('kdbx', EXPORT_ACCOUNTS, { now: NOW, password: PASSWORD });
    await expect(openKdbx(output.files[0]!.data, 'not the password')).rejects.toThrow();
    expect(Buffer.from(output.files[0]!.data).toString('latin1')).not.toContain('JBSWY3DPEHPK3PXP');
  });

  test.each([
    [undefined, 'password-required'],
    ['short', 'invalid-input'],
    ['1234567', 'invalid-input'],
  ])('password %j is refused (%s)', async (password, kind) => {
    await expect(
      buildExport('kdbx', EXPORT_ACCOUNTS, { now: NOW, password }),
    ).rejects.toMatchObject({ kind, message: expect.stringMatching(/password/) });
  });
});

describe('Bitwarden JSON', () => {
  const favourites = EXPORT_ACCOUNTS.map((a, i) => ({ ...a, favorite: i === 1 }));

  async function roundTrip(collection?: string) {
    const output = await buildExport('bitwarden', favourites, { now: NOW, collection });
    const vault = await freshVault();
    cleanups.push(vault.dispose);
    const preview = await importFiles(vault.service, output.files);
    return { output, preview, accounts: vault.service.accounts() };
  }

  test.each([undefined, 'MFA seeds'])(
    'round-trips every account, group and favourite through our importer (collection %j)',
    async (collection) => {
      const { output, preview, accounts } = await roundTrip(collection);
      expect(output.encrypted).toBe(false);
      expect(preview.problems).toEqual([]);
      expect(preview.candidates.every((c) => c.format === 'Bitwarden JSON export')).toBe(true);
      expect(accounts.map(fieldsOf)).toEqual(EXPORT_ACCOUNTS.map(fieldsOf));
      expect(accounts.map((a) => [a.group, a.favorite])).toEqual(
        favourites.map((a) => [a.group ?? '', a.favorite]),
      );
    },
  );

  test('individual vault: folders from groups; organisation: the collection and NAME/Group nested collections', async () => {
    const individual = JSON.parse(
      String((await buildExport('bitwarden', EXPORT_ACCOUNTS, { now: NOW })).files[0]!.data),
    );
    expect(individual.folders.map((f: { name: string }) => f.name)).toEqual(['Work']);
    const work = individual.folders[0].id;
    expect(individual.items.map((i: { folderId: string | null }) => i.folderId)).toEqual([
      work,
      null,
      work,
      null,
      null,
      null,
    ]);
    expect(individual.collections).toBeUndefined();

    const org = JSON.parse(
      String(
        (await buildExport('bitwarden', EXPORT_ACCOUNTS, { now: NOW, collection: 'MFA seeds' }))
          .files[0]!.data,
      ),
    );
    expect(org.folders).toBeUndefined();
    expect(org.collections.map((c: { name: string }) => c.name)).toEqual([
      'MFA seeds',
      'MFA seeds/Work',
    ]);
    const ids = new Map(org.collections.map((c: { id: string; name: string }) => [c.id, c.name]));
    expect(
      org.items.map((i: { collectionIds: string[] }) => i.collectionIds.map((id) => ids.get(id))),
    ).toEqual(EXPORT_ACCOUNTS.map((a) => [a.group ? `MFA seeds/${a.group}` : 'MFA seeds']));
    expect(org.items[4].login.totp).toBe('steam://ONSWG4TFOQYTEMZUGU3DOOBZ');
  });

  test("reads another organisation's collections as groups, and folders of a personal vault", async () => {
    const totp = (n: string) => `otpauth://totp/${n}?secret=JBSWY3DPEHPK3PXP&issuer=${n}`;
    const org = {
      encrypted: false,
      collections: [
        { id: 'c1', organizationId: 'o', name: 'Engineering', externalId: null },
        { id: 'c2', organizationId: 'o', name: 'Finance', externalId: null },
      ],
      items: [
        { type: 1, name: 'a', login: { totp: totp('GitLab') }, collectionIds: ['c2'] },
        { type: 1, name: 'b', login: { totp: totp('Jira') }, collectionIds: ['c1', 'c2'] },
        { type: 1, name: 'c', login: { totp: totp('Loose') }, collectionIds: [] },
      ],
    };
    const personal = {
      encrypted: false,
      folders: [{ id: 'f1', name: 'Banking' }],
      items: [{ type: 1, name: 'd', folderId: 'f1', login: { totp: totp('Bank') } }],
    };
    const vault = await freshVault();
    cleanups.push(vault.dispose);
    const file = (name: string, json: unknown) => ({
      fileName: name,
      mimeType: 'application/json',
      data: JSON.stringify(json),
    });
    await importFiles(vault.service, [file('org.json', org), file('personal.json', personal)]);
    expect(vault.service.accounts().map((a) => [a.issuer, a.group])).toEqual([
      ['GitLab', 'Finance'],
      ['Jira', 'Engineering'],
      ['Loose', ''],
      ['Bank', 'Banking'],
    ]);
  });

  test.each(['', '  ', 'a/b'])(
    'collection name %j is refused with a message',
    async (collection) => {
      await expect(
        buildExport('bitwarden', EXPORT_ACCOUNTS, { now: NOW, collection }),
      ).rejects.toMatchObject({ kind: 'invalid-input' });
    },
  );

  test.skipIf(!hasCorpusFolder('aegis-importers'))(
    'has the shape of a real Bitwarden export (corpus bitwarden.json)',
    async () => {
      const reference = JSON.parse(
        readFileSync(join(corpusDir('aegis-importers'), 'bitwarden.json'), 'utf8'),
      );
      const ours = JSON.parse(
        String((await buildExport('bitwarden', EXPORT_ACCOUNTS, { now: NOW })).files[0]!.data),
      );
      const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
      /** Every key the reference has, with the same JSON type wherever the reference's value is not null. */
      const sameShape = (
        ref: Record<string, unknown>,
        value: Record<string, unknown>,
        where: string,
      ): string[] =>
        Object.entries(ref).flatMap(([key, refValue]) => {
          if (!(key in value)) return [`${where}.${key} missing`];
          if (
            refValue !== null &&
            typeOf(value[key]) !== 'null' &&
            typeOf(value[key]) !== typeOf(refValue)
          )
            return [`${where}.${key} is ${typeOf(value[key])}`];
          return [];
        });
      expect(sameShape(reference, ours, '')).toEqual([]);
      for (const [i, item] of ours.items.entries()) {
        expect(sameShape(reference.items[0], item, `items[${i}]`)).toEqual([]);
        expect(sameShape(reference.items[0].login, item.login, `items[${i}].login`)).toEqual([]);
        expect(item.type).toBe(reference.items[0].type);
        expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(ours.encrypted).toBe(false);
    },
  );
});
