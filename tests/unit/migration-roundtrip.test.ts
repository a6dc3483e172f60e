import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../electron/core/otp/account';
import { isUserError } from '../../electron/core/errors';
import { uriListImporter } from '../../electron/core/importers/uri-list';
import {
  describeMissingBatches,
  formatMigrationUris,
  parseMigrationUri,
} from '../../electron/core/migration/migration';
import { generateCode } from '../../electron/core/otp/otp';

const text = (s: string) => ({ fileName: 'export.txt', bytes: new TextEncoder().encode(s) });

function draft(n: number, overrides: Partial<AccountDraft> = {}): AccountDraft {
  const secrets = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'KRSXG5CTMVRXEZLU'];
  return {
    type: 'totp',
    secret: secrets[n % secrets.length]!,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: `Service ${n}`,
    account: `user${n}@example.com`,
    ...overrides,
  };
}

/** Twelve accounts: the mix a real export holds (SHA256/SHA512, 8 digits, HOTP counters, no issuer). */
function mixedAccounts(): AccountDraft[] {
  return Array.from({ length: 12 }, (_, n) =>
    draft(n, {
      algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[n % 3],
      digits: n % 4 === 1 ? 8 : 6,
      ...(n % 5 === 2 ? { type: 'hotp' as const, counter: 1000 * n + 7 } : {}),
      ...(n === 11 ? { issuer: '' } : {}),
    }),
  );
}

/** Builds a raw MigrationPayload by hand (independent of our writer) to test odd inputs. */
function handPayload(
  entry: number[],
  tail = [0x10, 0x01, 0x18, 0x01, 0x20, 0x00, 0x28, 0x05],
): string {
  const bytes = [0x0a, entry.length, ...entry, ...tail];
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
}
const SECRET_FIELD = [0x0a, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]; // secret "Hello"
const NAME_FIELD = [0x12, 0x03, 0x61, 0x62, 0x63]; // name "abc"

describe('Google Authenticator transfer codes', () => {
  it('round-trips accounts through formatMigrationUris and parseMigrationUri', () => {
    const accounts = mixedAccounts();
    const { uris, skipped } = formatMigrationUris(accounts, { batchId: -123456 });
    expect(skipped).toEqual([]);
    const parsed = uris.map(parseMigrationUri);
    expect(parsed.flatMap((p) => p.entries)).toEqual(accounts);
    expect(parsed.flatMap((p) => p.issues)).toEqual([]);
  });

  it('puts 10 accounts in each QR code, as Google Authenticator does, with one batch id', () => {
    const { uris } = formatMigrationUris(
      Array.from({ length: 23 }, (_, n) => draft(n)),
      { batchId: 42 },
    );
    const batches = uris.map((uri) => parseMigrationUri(uri));
    expect(batches.map((b) => b.entries.length)).toEqual([10, 10, 3]);
    expect(batches.map((b) => b.batch)).toEqual([
      { index: 0, size: 3, id: 42 },
      { index: 1, size: 3, id: 42 },
      { index: 2, size: 3, id: 42 },
    ]);
  });

  it('a two-batch export imports every entry with SHA256/SHA512, 8 digits and HOTP counters intact', async () => {
    const accounts = mixedAccounts();
    const { uris } = formatMigrationUris(accounts);
    expect(uris).toHaveLength(2);
    const result = await uriListImporter.read(text(uris.join('\n')));
    expect(result.issues).toEqual([]);
    expect(result.entries).toHaveLength(12);
    for (const [i, entry] of result.entries.entries()) {
      // Same codes as the originals: what the user actually relies on.
      expect(generateCode(entry, 1_700_000_000)).toBe(generateCode(accounts[i]!, 1_700_000_000));
    }
    expect(result.entries.filter((e) => e.type === 'hotp').map((e) => e.counter)).toEqual([
      2007, 7007,
    ]);
    expect(new Set(result.entries.map((e) => e.algorithm))).toEqual(
      new Set(['SHA1', 'SHA256', 'SHA512']),
    );
    expect(result.entries.some((e) => e.digits === 8)).toBe(true);
  });

  it('with a batch missing, imports what it has and names the missing batch', async () => {
    const { uris } = formatMigrationUris(mixedAccounts());
    const result = await uriListImporter.read(text(uris[1]!));
    expect(result.entries).toHaveLength(2);
    expect(result.issues).toEqual([
      {
        where: 'Google Authenticator export',
        message:
          "Batch 1 of 2 is missing: scan the remaining QR code(s) from Google Authenticator's export screen.",
      },
    ]);
  });

  it('describes several missing batches per export', () => {
    expect(
      describeMissingBatches([
        { index: 1, size: 4, id: 7 },
        { index: 0, size: 1, id: 8 },
      ]),
    ).toEqual([
      "Batches 1, 3 and 4 of 4 are missing: scan the remaining QR code(s) from Google Authenticator's export screen.",
    ]);
    expect(
      describeMissingBatches([
        { index: 0, size: 2, id: 1 },
        { index: 1, size: 2, id: 1 },
      ]),
    ).toEqual([]);
  });

  it('reports accounts the format cannot carry instead of changing them', () => {
    const { uris, skipped } = formatMigrationUris([
      draft(1),
      draft(2, { digits: 7 }),
      draft(3, { type: 'steam', digits: 5 }),
      draft(4, { period: 60 }),
    ]);
    expect(uris).toHaveLength(1);
    expect(parseMigrationUri(uris[0]!).entries).toHaveLength(1);
    expect(skipped.map((s) => s.where)).toEqual([
      'Service 2: user2@example.com',
      'Service 3: user3@example.com',
      'Service 4: user4@example.com',
    ]);
    expect(skipped[0]!.message).toMatch(/6 or 8 digits/);
    expect(skipped[1]!.message).toMatch(/Steam/);
    expect(skipped[2]!.message).toMatch(/period/);
  });

  it('an MD5 entry becomes an issue naming it; the others import', () => {
    const md5 = [...SECRET_FIELD, ...NAME_FIELD, 0x20, 0x04, 0x28, 0x01, 0x30, 0x02];
    const ok = [...SECRET_FIELD, ...NAME_FIELD, 0x20, 0x01, 0x28, 0x01, 0x30, 0x02];
    const uri = handPayload(md5, [0x0a, ok.length, ...ok, 0x10, 0x01]);
    const parsed = parseMigrationUri(uri);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]).toMatchObject({
      account: 'abc',
      secret: 'JBSWY3DP',
      algorithm: 'SHA1',
    });
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]!.where).toContain('abc');
    expect(parsed.issues[0]!.message).toMatch(/MD5/);
  });

  it('unspecified algorithm, digits and type mean SHA1, 6 digits, TOTP', () => {
    const parsed = parseMigrationUri(handPayload([...SECRET_FIELD, ...NAME_FIELD]));
    expect(parsed.entries[0]).toMatchObject({
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it.each([
    // Cut inside the account's own message (not just its trailing batch fields, which can end on a field boundary).
    ['truncated data', (uri: string) => uri.slice(0, Math.floor(uri.length * 0.6))],
    ['data that is not protobuf', () => 'otpauth-migration://offline?data=XXXX'],
    ['data that is not base64', () => 'otpauth-migration://offline?data=%%%'],
    ['no data', () => 'otpauth-migration://offline'],
  ])('%s is a clear invalid-input error without the secret', (_name, mangle) => {
    const { uris } = formatMigrationUris([draft(0)], { batchId: 12345 });
    let caught: unknown;
    try {
      parseMigrationUri(mangle(uris[0]!));
    } catch (error) {
      caught = error;
    }
    expect(isUserError(caught) && caught.kind).toBe('invalid-input');
    expect((caught as Error).message).not.toContain('JBSWY3DP');
    expect((caught as Error).message).toMatch(/Google Authenticator transfer/);
  });

  it('tolerates raw "+" and "/" and "+" turned into spaces by a form decoder', () => {
    const { uris } = formatMigrationUris([draft(0), draft(1)], { batchId: -1 });
    const raw = decodeURIComponent(uris[0]!);
    expect(parseMigrationUri(raw).entries).toHaveLength(2);
    expect(parseMigrationUri(raw.replace(/\+/g, ' ')).entries).toHaveLength(2);
  });
});
