import fc from 'fast-check';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import QRCode from 'qrcode';
import { beforeAll, describe, it } from 'vitest';
import { readAegisBackup } from '../../../electron/core/backup/backup';
import {
  deriveScryptKey,
  randomKey,
  sealGcm,
  toHex,
} from '../../../electron/core/backup/backup-crypto';
import { toAegisContent } from '../../../electron/core/backup/backup-entries';
import {
  extractZipEntry,
  isZip,
  listZipEntries,
} from '../../../electron/core/importers/zip-reader';
import { decodeBmp } from '../../../electron/core/qr/bmp-decode';
import { decodeImageFile } from '../../../electron/core/qr/image-decode.node';
import {
  ACCOUNT,
  corpusSeeds,
  fuzzOnlyUserErrors,
  fuzzTestTimeout,
  mutatedBytes,
  text,
} from '../../support/fuzz';
const PASSWORD = 'fuzz';

/**
 * An Aegis backup that opens with PASSWORD, with a cheap scrypt cost (N=16) so each mutated copy
 * that keeps its header runs the whole decryption path in microseconds, not 100 ms.
 */
async function cheapEncryptedBackup(): Promise<string> {
  const masterKey = randomKey();
  const salt = randomKey();
  const slotKey = await deriveScryptKey(PASSWORD, salt, { n: 16, r: 8, p: 1 });
  const wrapped = sealGcm(slotKey, masterKey);
  const content = sealGcm(
    masterKey,
    text(JSON.stringify(toAegisContent([{ ...ACCOUNT, id: 'a' } as never]))),
  );
  const slot = {
    type: 1,
    uuid: 'u',
    key: toHex(wrapped.ciphertext),
    key_params: { nonce: toHex(wrapped.nonce), tag: toHex(wrapped.tag) },
    n: 16,
    r: 8,
    p: 1,
    salt: toHex(salt),
  };
  return JSON.stringify({
    version: 1,
    header: { slots: [slot], params: { nonce: toHex(content.nonce), tag: toHex(content.tag) } },
    db: Buffer.from(content.ciphertext).toString('base64'),
  });
}

/** A 24-bit bottom-up BMP of w×h gray pixels, laid out as Windows writes it. */
function bmp(w: number, h: number): Uint8Array {
  const row = Math.ceil((w * 3) / 4) * 4;
  const out = Buffer.alloc(54 + row * h, 0x80);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(w, 18);
  out.writeInt32LE(h, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(0, 30);
  return new Uint8Array(out);
}

describe('fuzz: containers and decryptors', () => {
  let zipSeeds: Uint8Array[] = [];
  let backupSeeds: Uint8Array[] = [];
  let imageSeeds: Uint8Array[] = [];

  beforeAll(async () => {
    const list = text('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP\n');
    zipSeeds = [
      zipSync({ 'Accounts.txt': list }),
      zipSync({ 'backup/Accounts.txt': [list, { level: 0 }], 'other.txt': text('x') }),
      ...corpusSeeds('aegis-importers', (path) => path.endsWith('.zip')),
    ];
    backupSeeds = [text(await cheapEncryptedBackup())];
    const qr = await QRCode.toBuffer('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', {
      width: 120,
      margin: 1,
    });
    imageSeeds = [
      new Uint8Array(qr),
      new Uint8Array(await sharp(qr).jpeg({ quality: 70 }).toBuffer()),
      new Uint8Array(await sharp(qr).webp().toBuffer()),
      new Uint8Array(await sharp(qr).gif().toBuffer()),
      bmp(8, 6),
    ];
  });

  it(
    'zip reader: list, then extract every entry with the ZipCrypto password',
    { timeout: fuzzTestTimeout(5) },
    async () => {
      await fuzzOnlyUserErrors(mutatedBytes(zipSeeds), (bytes) => {
        if (!isZip(bytes)) return;
        for (const entry of listZipEntries(bytes) ?? [])
          extractZipEntry(bytes, entry, 'zip', 'testtesttest');
      });
    },
  );

  it(
    'backup decryptor (Aegis format) with the right password on mutated backups',
    { timeout: fuzzTestTimeout(10) },
    async () => {
      const decoder = new TextDecoder();
      await fuzzOnlyUserErrors(mutatedBytes(backupSeeds), (bytes) =>
        readAegisBackup(decoder.decode(bytes), PASSWORD),
      );
    },
  );

  it(
    'backup decryptor with header fields swapped for hostile values (KDF costs, hex, types)',
    { timeout: fuzzTestTimeout(10) },
    async () => {
      const seed = JSON.parse(new TextDecoder().decode(backupSeeds[0])) as Record<string, unknown>;
      // Small costs and the out-of-range ones the caps refuse; never a valid cost that takes seconds.
      const values = fc.oneof(
        fc.constantFrom(
          0,
          1,
          -1,
          2,
          3,
          16,
          1024,
          1.5,
          2 ** 21,
          2 ** 30,
          2 ** 53,
          33,
          Number.NaN,
          null,
          true,
          '',
          'zz',
          [],
          {},
        ),
        fc.string({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('hex')),
      );
      const paths = fc.constantFrom(
        ['version'],
        ['db'],
        ['header'],
        ['header', 'slots'],
        ['header', 'params'],
        ['header', 'params', 'nonce'],
        ['header', 'params', 'tag'],
        ['header', 'slots', 0, 'n'],
        ['header', 'slots', 0, 'r'],
        ['header', 'slots', 0, 'p'],
        ['header', 'slots', 0, 'salt'],
        ['header', 'slots', 0, 'key'],
        ['header', 'slots', 0, 'type'],
        ['header', 'slots', 0, 'key_params'],
        ['header', 'slots', 0, 'key_params', 'nonce'],
        ['header', 'slots', 0, 'key_params', 'tag'],
      );
      const edited = fc
        .array(fc.tuple(paths, values), { minLength: 1, maxLength: 3 })
        .map((edits) => {
          const file = structuredClone(seed);
          for (const [path, value] of edits) {
            let node = file as Record<string | number, unknown>;
            for (const key of path.slice(0, -1)) {
              const next = node[key];
              if (typeof next !== 'object' || next === null) return JSON.stringify(file);
              node = next as Record<string | number, unknown>;
            }
            // A copy: fc.constantFrom hands out the same [] or {} each time, and two edits of one
            // file putting that object inside itself made a cycle JSON.stringify refused.
            node[path[path.length - 1]!] = structuredClone(value);
          }
          return JSON.stringify(file);
        });
      await fuzzOnlyUserErrors(edited, (text) => readAegisBackup(text, PASSWORD));
    },
  );

  it(
    'image decoders: sharp (PNG, JPEG, WebP, GIF) and our BMP reader',
    { timeout: fuzzTestTimeout(20) },
    async () => {
      await fuzzOnlyUserErrors(mutatedBytes(imageSeeds, 2048), async (bytes) => {
        await decodeImageFile(bytes, 'fuzz-image', { maxInputPixels: 4_000_000 });
        if (bytes[0] === 0x42) decodeBmp(bytes, 4_000_000);
      });
    },
  );
});
