import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AccountDraft } from '../../electron/core/otp/account';
import { readAegisBackup, writeAegisBackup, type BackupAccount } from '../../electron/core/backup/backup';
import { corpusDir, hasCorpusFolder } from '../support/corpus';

const ACCOUNTS: readonly BackupAccount[] = [
  {
    type: 'totp',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'GitHub',
    account: 'ana@example.com',
    group: 'Work',
    favorite: true,
  },
  {
    type: 'totp',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    counter: 0,
    issuer: 'AWS',
    account: 'root',
    group: 'Work',
  },
  {
    type: 'hotp',
    secret: 'MFRGGZDFMZTWQ2LK',
    algorithm: 'SHA512',
    digits: 7,
    period: 30,
    counter: 42,
    issuer: 'Bank',
    account: 'ana',
    group: 'Home',
  },
  {
    type: 'steam',
    secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
    issuer: 'Steam',
    account: 'gamer',
  },
  {
    type: 'totp',
    secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'Ünïcødé ✓',
    account: '',
  },
];

const PASSWORD = 'correct horse battery staple';
const corpus = corpusDir('aegis-importers');

function otpFields(a: AccountDraft): AccountDraft {
  const { type, secret, algorithm, digits, period, counter, issuer, account } = a;
  return { type, secret, algorithm, digits, period, counter, issuer, account };
}

async function rejection(promise: Promise<unknown>): Promise<{ kind?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (error: unknown) => error as { kind?: string; message?: string },
  );
}

describe('Aegis-format backups round-trip', () => {
  test.each([
    ['encrypted', PASSWORD],
    ['plain', null],
  ] as const)(
    '%s: every account comes back with its OTP settings, group and favourite flag',
    async (_kind, password) => {
      const text = await writeAegisBackup(ACCOUNTS, password);
      const backup = await readAegisBackup(text, password ?? undefined);
      expect(backup.encrypted).toBe(password !== null);
      expect(backup.issues).toEqual([]);
      expect(backup.entries.map(otpFields)).toEqual(ACCOUNTS.map(otpFields));
      expect(backup.entries.map((e) => e.group)).toEqual(['Work', 'Work', 'Home', '', '']);
      expect(backup.entries.map((e) => e.favorite)).toEqual([true, false, false, false, false]);
    },
  );

  test('an encrypted backup contains no secret, label or group in readable form', async () => {
    const text = await writeAegisBackup(ACCOUNTS, PASSWORD);
    for (const word of ['JBSWY3DPEHPK3PXP', 'GitHub', 'ana@example.com', 'Work'])
      expect(text).not.toContain(word);
  });

  test('two backups of the same accounts use different salts, keys and nonces', async () => {
    const [a, b] = await Promise.all([
      writeAegisBackup(ACCOUNTS, PASSWORD),
      writeAegisBackup(ACCOUNTS, PASSWORD),
    ]);
    const ha = JSON.parse(a) as {
      header: { slots: { salt: string; key: string }[]; params: { nonce: string } };
    };
    const hb = JSON.parse(b) as typeof ha;
    expect(ha.header.slots[0]?.salt).not.toBe(hb.header.slots[0]?.salt);
    expect(ha.header.params.nonce).not.toBe(hb.header.params.nonce);
  });
});

describe('damaged or locked backups import nothing', () => {
  test('no password: asks for one', async () => {
    const text = await writeAegisBackup(ACCOUNTS, PASSWORD);
    expect(await rejection(readAegisBackup(text))).toMatchObject({ kind: 'password-required' });
  });

  test('wrong password: the documented message, without the password in it', async () => {
    const text = await writeAegisBackup(ACCOUNTS, PASSWORD);
    const error = await rejection(readAegisBackup(text, 'hunter2'));
    expect(error).toMatchObject({
      kind: 'wrong-password',
      message: 'The password is wrong for this backup. Try again; nothing was imported.',
    });
  });

  test('one flipped bit in the encrypted db is an integrity error', async () => {
    const vault = JSON.parse(await writeAegisBackup(ACCOUNTS, PASSWORD)) as { db: string };
    const bytes = Buffer.from(vault.db, 'base64');
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const tampered = JSON.stringify({ ...vault, db: bytes.toString('base64') });
    expect(await rejection(readAegisBackup(tampered, PASSWORD))).toMatchObject({
      kind: 'integrity',
    });
  });

  test('a db cut short (file still valid JSON) is an integrity error', async () => {
    const vault = JSON.parse(await writeAegisBackup(ACCOUNTS, PASSWORD)) as { db: string };
    const short = Buffer.from(vault.db, 'base64').subarray(0, 40).toString('base64');
    expect(
      await rejection(readAegisBackup(JSON.stringify({ ...vault, db: short }), PASSWORD)),
    ).toMatchObject({ kind: 'integrity' });
  });

  test.each([0.3, 0.6, 0.95])(
    'a file truncated at %s of its length is an integrity error',
    async (fraction) => {
      const text = await writeAegisBackup(ACCOUNTS, PASSWORD);
      const error = await rejection(
        readAegisBackup(text.slice(0, Math.floor(text.length * fraction)), PASSWORD),
      );
      expect(error.kind).toBe('integrity');
    },
  );

  test('a truncated plain backup is an integrity error too', async () => {
    const text = await writeAegisBackup(ACCOUNTS, null);
    expect((await rejection(readAegisBackup(text.slice(0, text.length / 2)))).kind).toBe(
      'integrity',
    );
  });

  test('a bad entry is reported by position and label, and the others still import', async () => {
    const vault = JSON.parse(await writeAegisBackup(ACCOUNTS, null)) as {
      db: { entries: { info: Record<string, unknown> }[] };
    };
    vault.db.entries[1]!.info.secret = '0189!!';
    delete vault.db.entries[2]!.info.secret;
    const backup = await readAegisBackup(JSON.stringify(vault));
    expect(backup.entries).toHaveLength(ACCOUNTS.length - 2);
    expect(backup.issues.map((i) => i.where)).toEqual([
      'entry 2 (AWS / root)',
      'entry 3 (Bank / ana)',
    ]);
    for (const issue of backup.issues) expect(issue.message).not.toContain('0189');
  });
});

describe.skipIf(!hasCorpusFolder('aegis-importers'))('compatibility with Aegis files', () => {
  test('aegis_encrypted.json from Aegis opens with its password "test"', async () => {
    const backup = await readAegisBackup(
      readFileSync(path.join(corpus, 'aegis_encrypted.json'), 'utf8'),
      'test',
    );
    expect(backup.entries).toHaveLength(7);
    expect(backup.entries.map((e) => e.issuer)).toContain('Air Canada');
  });

  test('our encrypted backup has the header Aegis wrote in aegis_encrypted.json: the same slot fields, types and hex sizes', async () => {
    const theirs = JSON.parse(readFileSync(path.join(corpus, 'aegis_encrypted.json'), 'utf8')) as {
      version: number;
      header: { slots: Record<string, unknown>[]; params: Record<string, unknown> };
      db: unknown;
    };
    const ours = JSON.parse(await writeAegisBackup(ACCOUNTS, PASSWORD)) as typeof theirs;
    /** A value's JSON type, and for hex strings their length (key 32 bytes, nonce 12, tag 16, salt 32). */
    const shape = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(shape)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
          : typeof value === 'string' && /^[0-9a-f]+$/.test(value)
            ? `hex ${value.length}`
            : typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value)
              ? 'uuid'
              : typeof value;
    expect(ours.version).toBe(theirs.version);
    expect(shape(ours.header.params)).toEqual(shape(theirs.header.params));
    // Aegis's password slot is type 1; ours is the only slot, with every field Aegis's has.
    expect(ours.header.slots).toHaveLength(1);
    expect(shape(ours.header.slots[0])).toEqual(shape(theirs.header.slots[0]));
    expect([ours.header.slots[0]!['type'], ours.header.slots[0]!['r'], ours.header.slots[0]!['p']]).toEqual([1, 8, 1]);
    expect(typeof ours.db).toBe(typeof theirs.db);
  });

  test('our plain backup has every field Aegis wrote in aegis_plain.json, with the same JSON types', async () => {
    type Entry = Record<string, unknown> & { info: Record<string, unknown> };
    const theirs = JSON.parse(readFileSync(path.join(corpus, 'aegis_plain.json'), 'utf8')) as {
      header: Record<string, unknown>;
      db: { entries: Entry[] };
    };
    const ours = JSON.parse(await writeAegisBackup(ACCOUNTS, null)) as typeof theirs & {
      db: { groups: unknown[] };
    };
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours.header).toEqual(theirs.header);
    const typesOf = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? 'null' : typeof v]));
    for (const type of ['totp', 'hotp', 'steam']) {
      const a = ours.db.entries.find((e) => e.type === type)!;
      const b = theirs.db.entries.find((e) => e.type === type)!;
      expect(typesOf(a)).toMatchObject(typesOf(b));
      expect(typesOf(a.info)).toEqual(typesOf(b.info));
    }
    // Content version 3 (current Aegis) adds note, favorite and group UUIDs listed in db.groups.
    expect(ours.db.groups).toEqual([
      { uuid: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Work' },
      { uuid: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Home' },
    ]);
  });
});
