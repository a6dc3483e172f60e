import { createCipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { writeAegisBackup } from '../../electron/core/backup/backup';
import { aegisImporter } from '../../electron/core/importers/aegis';
import { readSharedPreferences } from '../../electron/core/importers/android-prefs';
import { andOtpImporter } from '../../electron/core/importers/and-otp';
import { authyImporter } from '../../electron/core/importers/authy';
import { bitwardenCsvImporter } from '../../electron/core/importers/bitwarden-csv';
import { bitwardenJsonImporter } from '../../electron/core/importers/bitwarden-json';
import type { ImportResult } from '../../electron/core/format/importer';
import { steamImporter } from '../../electron/core/importers/steam';
import { totpAuthenticatorImporter } from '../../electron/core/importers/totp-authenticator';
import { twoFasImporter } from '../../electron/core/importers/two-fas';

// Behaviour the corpus files don't show: bad entries, damage, quoting, defaults. Encrypted inputs are
// built here with node:crypto from each app's published layout, not with the importers' own code.

const SECRET = 'JBSWY3DPEHPK3PXP';
const source = (text: string | Uint8Array, fileName = 'export') => ({
  fileName,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

function expectNoSecretIn(result: ImportResult, secrets: readonly string[]): void {
  for (const issue of result.issues)
    for (const s of secrets) expect(`${issue.where} ${issue.message}`).not.toContain(s);
}

function gcm(key: Buffer, plaintext: string): { iv: Buffer; data: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { iv, data };
}

function twoFasEncrypted(services: unknown[], password: string, tamper = false): string {
  const salt = randomBytes(256);
  const key = pbkdf2Sync(password, salt, 10_000, 32, 'sha256');
  const pack = ({ iv, data }: { iv: Buffer; data: Buffer }) =>
    `${data.toString('base64')}:${salt.toString('base64')}:${iv.toString('base64')}`;
  const sealed = gcm(key, JSON.stringify(services));
  if (tamper) sealed.data[3]! ^= 0x80;
  return JSON.stringify({
    services: [],
    schemaVersion: 4,
    servicesEncrypted: pack(sealed),
    reference: pack(gcm(key, 'reference text')),
  });
}

const GOOD_SERVICE = {
  name: 'GitHub',
  secret: SECRET,
  otp: { account: 'ana', tokenType: 'TOTP', digits: 6, period: 30, algorithm: 'SHA1' },
};

describe('one bad entry is reported and the rest import', () => {
  test('2FAS: a service without a secret and one with a bad secret', async () => {
    const text = JSON.stringify({
      schemaVersion: 4,
      services: [
        GOOD_SERVICE,
        { name: 'NoKey', otp: { account: 'x' } },
        { name: 'Bad', secret: '0000111188', otp: { account: 'y' } },
      ],
    });
    const result = await twoFasImporter.read(source(text));
    expect(result.entries.map((e) => e.issuer)).toEqual(['GitHub']);
    expect(result.issues.map((i) => i.where)).toEqual(['entry 2 (NoKey / x)', 'entry 3 (Bad / y)']);
    expect(result.issues[0]?.message).toMatch(/no secret/);
    expectNoSecretIn(result, ['0000111188']);
  });

  test('andOTP: an unsupported type and digits out of range', async () => {
    const text = JSON.stringify([
      {
        secret: `${SECRET}======`,
        issuer: 'A',
        label: 'a',
        digits: 6,
        type: 'TOTP',
        algorithm: 'SHA1',
        period: 30,
      },
      {
        secret: SECRET,
        issuer: 'B',
        label: 'b',
        digits: 6,
        type: 'MOTP',
        algorithm: 'MD5',
        period: 10,
      },
      {
        secret: SECRET,
        issuer: 'C',
        label: 'c',
        digits: 12,
        type: 'TOTP',
        algorithm: 'SHA1',
        period: 30,
      },
    ]);
    const result = await andOtpImporter.read(source(text));
    expect(result.entries.map((e) => [e.issuer, e.secret])).toEqual([['A', SECRET]]);
    expect(result.issues).toHaveLength(2);
    expect(result.issues[0]?.message).toMatch(/type "motp" is not supported/);
    expect(result.issues[1]?.message).toMatch(/6, 7 or 8 digits/);
  });

  test('Steam: an account whose shared_secret is not base64', async () => {
    const text = JSON.stringify({
      accounts: {
        a: { shared_secret: 'THIl8+Jl6ugxr8x0X6eRMg==', account_name: 'ok' },
        b: { shared_secret: '%%%', account_name: 'broken' },
      },
    });
    const result = await steamImporter.read(source(text));
    expect(result.entries.map((e) => [e.type, e.account, e.digits])).toEqual([['steam', 'ok', 5]]);
    expect(result.issues.map((i) => i.where)).toEqual(['entry 2 (Steam / broken)']);
  });
});

describe('encrypted files: wrong password versus damage', () => {
  test('2FAS: the right password on altered ciphertext is an integrity error, not a wrong password', async () => {
    const ok = twoFasEncrypted([GOOD_SERVICE], 'pw');
    expect(twoFasImporter.isEncrypted(source(ok))).toBe(true);
    expect((await twoFasImporter.read(source(ok), 'pw')).entries).toHaveLength(1);
    await expect(twoFasImporter.read(source(ok), 'other')).rejects.toMatchObject({
      kind: 'wrong-password',
    });
    await expect(
      twoFasImporter.read(source(twoFasEncrypted([GOOD_SERVICE], 'pw', true)), 'pw'),
    ).rejects.toMatchObject({ kind: 'integrity' });
  });

  test('andOTP: a new-format file written from the documented layout opens; a wrong password is refused', async () => {
    const salt = randomBytes(12);
    const iterations = 150_000;
    const { iv, data } = gcm(
      pbkdf2Sync('secret pw', salt, iterations, 32, 'sha1'),
      JSON.stringify([
        {
          secret: SECRET,
          issuer: 'X',
          label: 'x',
          digits: 6,
          type: 'TOTP',
          algorithm: 'SHA1',
          period: 30,
        },
      ]),
    );
    const header = Buffer.alloc(4);
    header.writeUInt32BE(iterations);
    const file = source(
      new Uint8Array(Buffer.concat([header, salt, iv, data])),
      'otp_accounts.json.aes',
    );
    expect(andOtpImporter.matches(file) && andOtpImporter.isEncrypted(file)).toBe(true);
    expect((await andOtpImporter.read(file, 'secret pw')).entries.map((e) => e.issuer)).toEqual([
      'X',
    ]);
    await expect(andOtpImporter.read(file, 'nope')).rejects.toMatchObject({
      kind: 'wrong-password',
    });
  });

  test('TOTP Authenticator: a backup made without a user password opens with the app default, no prompt', async () => {
    const entries = JSON.stringify([
      {
        base: 16,
        key: 'E49270F0D21F365C8408F8B475C5267C',
        issuer: 'Deno',
        name: 'mason',
        digits: '6',
        period: '30',
      },
    ]);
    const cipher = createCipheriv(
      'aes-256-cbc',
      createHash('sha256').update('TotpAuthenticator').digest(),
      Buffer.alloc(16),
    );
    const text = Buffer.concat([
      cipher.update(JSON.stringify({ [entries]: '1608293023' })),
      cipher.final(),
    ]).toString('base64');
    const result = await totpAuthenticatorImporter.read(source(text, 'backup.bin'));
    expect(result.entries.map((e) => [e.issuer, e.account, e.secret])).toEqual([
      ['Deno', 'mason', '4SJHB4GSD43FZBAI7C2HLRJGPQ'],
    ]);
  });

  test('Authy: without a password it asks for one', async () => {
    const json = JSON.stringify([
      {
        encryptedSecret: 'AAAAAAAAAAAAAAAAAAAAAA==',
        salt: 's',
        name: 'X: y',
        originalIssuer: 'X',
        digits: 6,
      },
    ]);
    const xml = `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n<string name="com.authy.storage.tokens.authenticator.key">${json.replace(/"/g, '&quot;')}</string>\n</map>`;
    await expect(authyImporter.read(source(xml))).rejects.toMatchObject({
      kind: 'password-required',
    });
    await expect(authyImporter.read(source(xml), 'x')).rejects.toMatchObject({
      kind: 'wrong-password',
    });
  });
});

describe('Bitwarden', () => {
  test('CSV: quoted commas and newlines, bare keys, steam:// and rows without TOTP', async () => {
    const csv = [
      'folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp',
      `,,login,"Mail, personal","line 1\nline ""2""",,,ana,pw,${SECRET.toLowerCase()}`,
      ',,login,Forum,,,,bob,pw,',
      ',,login,Game,,,,gamer,pw,steam://JRZCL47CMXVOQMNPZR2F7J4RGI',
    ].join('\r\n');
    const result = await bitwardenCsvImporter.read(source(csv));
    expect(result.issues).toEqual([]);
    expect(result.entries.map((e) => [e.type, e.issuer, e.account, e.secret])).toEqual([
      ['totp', 'Mail, personal', 'ana', SECRET],
      ['steam', 'Steam', 'gamer', 'JRZCL47CMXVOQMNPZR2F7J4RGI'],
    ]);
  });

  test('JSON: an encrypted export is refused with what to do instead', async () => {
    const file = source(JSON.stringify({ encrypted: true, passwordProtected: true, data: 'x' }));
    expect(bitwardenJsonImporter.matches(file)).toBe(true);
    await expect(bitwardenJsonImporter.read(file)).rejects.toMatchObject({
      kind: 'unsupported-format',
      message: expect.stringMatching(/export the vault as "JSON"/),
    });
  });
});

test('SharedPreferences reader: entities, empty strings and typed values', () => {
  const xml = `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>
<map>
    <string name="a&amp;b">x &lt;y&gt; &quot;z&quot; &#61; &#x3d;</string>
    <string name="empty" />
    <int name="n" value="121" />
    <boolean name="flag" value="true" />
    <set name="s"><string>ignored</string></set>
</map>`;
  const prefs = readSharedPreferences(new TextEncoder().encode(xml));
  expect(Object.fromEntries(prefs)).toEqual({
    'a&b': 'x <y> "z" = =',
    empty: '',
    n: '121',
    flag: 'true',
  });
});

test('Authy: issuer from originalIssuer, else from the "Issuer:acct" or "Issuer - acct" labels', async () => {
  const tokens = [
    { decryptedSecret: SECRET, name: 'Deno: Mason', originalIssuer: 'Deno', digits: 6 },
    { decryptedSecret: SECRET, name: 'Mason', originalName: 'WWE:Mason', digits: 7 },
    { decryptedSecret: SECRET, name: 'Gitea - ana', digits: 8 },
  ];
  const xml = `<map><string name="com.authy.storage.tokens.authenticator.key">${JSON.stringify(tokens).replace(/"/g, '&quot;')}</string></map>`;
  const result = await authyImporter.read(source(xml));
  expect(result.entries.map((e) => [e.issuer, e.account, e.digits, e.algorithm, e.period])).toEqual(
    [
      ['Deno', 'Mason', 6, 'SHA1', 30],
      ['WWE', 'Mason', 7, 'SHA1', 30],
      ['Gitea', 'ana', 8, 'SHA1', 30],
    ],
  );
});

test('Aegis: a truncated encrypted backup is still recognised, asks for its password, then reports damage', async () => {
  const text = await writeAegisBackup(
    [
      {
        type: 'totp',
        secret: SECRET,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        issuer: 'A',
        account: 'a',
      },
    ],
    'pw',
  );
  const file = source(text.slice(0, Math.floor(text.length * 0.8)), 'backup.json');
  expect(aegisImporter.matches(file)).toBe(true);
  expect(aegisImporter.isEncrypted(file)).toBe(true);
  await expect(aegisImporter.read(file, 'pw')).rejects.toMatchObject({ kind: 'integrity' });
});
