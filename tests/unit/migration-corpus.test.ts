import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../electron/core/otp/account';
import { isUserError } from '../../electron/core/errors';
import { createQrImageImporter } from '../../electron/core/importers/qr-image';
import { uriListImporter } from '../../electron/core/importers/uri-list';
import { parseMigrationUri } from '../../electron/core/migration/migration';
import { readQrTextsFromImageFile } from '../../electron/core/qr/qr-file.node';
import {
  corpusDir,
  corpusSource,
  hasCorpusFolder,
  readExpected,
  splitRawLabel,
  type ExpectedEntry,
} from '../support/corpus';

const dir = corpusDir('google-migration');

/** What a user must see for an expected entry, whose `name` is Google Authenticator's raw label. */
function asSeenByUser(entry: ExpectedEntry) {
  const { issuer, name } = splitRawLabel(entry);
  return {
    type: entry.type,
    secret: entry.secret,
    issuer,
    account: name,
    algorithm: entry.algorithm,
    digits: entry.digits,
    counter: entry.type === 'hotp' ? (entry.counter ?? 0) : 0,
  };
}

function comparable(draft: AccountDraft) {
  const { type, secret, issuer, account, algorithm, digits, counter } = draft;
  return { type, secret, issuer, account, algorithm, digits, counter };
}

const source = (file: string) => corpusSource('google-migration', file);

const qrImporter = createQrImageImporter(readQrTextsFromImageFile);
const importers = [uriListImporter, qrImporter];

describe.skipIf(!hasCorpusFolder('google-migration'))(
  'Google Authenticator exports in the shared corpus',
  () => {
    const expected = readExpected('google-migration');
    const positives = Object.entries(expected).filter(
      ([, file]) => file.role.startsWith('input') && (file.expect_count ?? 0) > 0,
    );

    it('covers every input file in the folder', () => {
      const inputs = readdirSync(dir).filter(
        (f) => /\.(txt|png|jpe?g)$/.test(f) && !f.includes('output'),
      );
      expect(inputs.every((f) => expected[f] !== undefined)).toBe(true);
      expect(positives.length).toBeGreaterThanOrEqual(5);
    });

    it.each(positives)('%s imports its expected entries in order', async (file, spec) => {
      const src = source(file);
      const matching = importers.filter((importer) => importer.matches(src));
      expect(matching).toHaveLength(1);
      const result = await matching[0]!.read(src);
      expect(result.issues).toEqual([]);
      expect(result.entries.map(comparable)).toEqual((spec.entries ?? []).map(asSeenByUser));
    });

    it.each(positives.flatMap(([, spec]) => spec.uris ?? []))(
      'decodes batch metadata of $uri',
      ({ uri, batch }) => {
        const parsed = parseMigrationUri(uri);
        expect(parsed.batch).toEqual({
          index: batch.batch_index,
          size: batch.batch_size,
          id: batch.batch_id,
        });
      },
    );

    it('keeps the HOTP counter and the UTF-8 name of example_export.txt', async () => {
      const result = await uriListImporter.read(source('example_export.txt'));
      expect(result.entries.find((e) => e.type === 'hotp')).toMatchObject({
        counter: 4,
        account: 'hotp demo',
      });
      expect(result.entries.some((e) => e.account.includes('¿äÄéÉ?'))).toBe(true);
    });

    it('only_comments.txt: no entries and no error', async () => {
      const src = source('only_comments.txt');
      expect(uriListImporter.matches(src)).toBe(true);
      expect(await uriListImporter.read(src)).toMatchObject({ entries: [], issues: [] });
    });

    it('empty_file.txt and prose text are not claimed as link lists', () => {
      expect(uriListImporter.matches(source('empty_file.txt'))).toBe(false);
      expect(uriListImporter.matches(source('test_export_wrong_content.txt'))).toBe(false);
    });

    it('test_export_wrong_data.txt: a damaged transfer code is a clear error', async () => {
      const src = source('test_export_wrong_data.txt');
      expect(uriListImporter.matches(src)).toBe(true);
      const error = await uriListImporter.read(src).catch((e: unknown) => e);
      expect(isUserError(error) && error.kind).toBe('invalid-input');
      expect((error as Error).message).toMatch(/damaged or cut short/);
    });

    it('qr_but_without_otp.png: says what the QR code held, shortened', async () => {
      const src = source('qr_but_without_otp.png');
      expect(qrImporter.matches(src)).toBe(true);
      const error = await qrImporter.read(src).catch((e: unknown) => e);
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toContain('text "NOT A otpauth-mi…"');
      expect((error as Error).message).toContain('not an authenticator account');
    });

    it('text_masquerading_as_image.jpeg: no importer claims it, and decoding it says it is not an image', async () => {
      const src = source('text_masquerading_as_image.jpeg');
      expect(qrImporter.matches(src)).toBe(false);
      const error = await readQrTextsFromImageFile(src.bytes, src.fileName).catch(
        (e: unknown) => e,
      );
      expect(isUserError(error) && error.kind).toBe('unsupported-format');
      expect((error as Error).message).toBe(
        'text_masquerading_as_image.jpeg is not an image OTP Desk can read (PNG, JPEG, WebP, GIF, BMP).',
      );
    });
  },
);
