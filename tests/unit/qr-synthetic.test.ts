import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQrDecoder, type QrDecoder } from '../../electron/core/qr/qr';
import { readQrTextsFromImageFile } from '../../electron/core/qr/qr-file.node';
import { loadCurvedQrReader } from '../../electron/core/qr/qr-curved.node';
import { loadZxingReaderWasm } from '../../electron/core/qr/qr-wasm.node';
import { createCanvas, drawQr } from '../fixtures/synthetic-draw';
import {
  curvedLabel,
  generateSyntheticSet,
  syntheticUri,
  type SyntheticQrImage,
} from '../fixtures/synthetic-qr';
import { corpusDir, corpusSource, hasCorpusFolder } from '../support/corpus';

const ZBARIMG = '/usr/bin/zbarimg';

let set: SyntheticQrImage[] = [];
let full: QrDecoder;
let jsqrOnly: QrDecoder;

beforeAll(async () => {
  set = generateSyntheticSet();
  full = await createQrDecoder({ zxingWasm: loadZxingReaderWasm() });
  jsqrOnly = await createQrDecoder({});
}, 60_000);

const names = [
  'screenshot-1920x1080',
  'screenshot-2560x1440',
  'screenshot-3840x2160',
  'dark-mode-1920x1080',
  'two-codes-1920x1080',
  'inverted-1280x800',
  'tiny-crop',
  'phone-photo-4032x3024',
];
const byName = (name: string) => set.find((image) => image.name.startsWith(name))!;

describe('QR decoding on the synthetic screenshot and photo set', () => {
  it('the set covers the cases a desktop user meets', () => {
    expect(set.map((image) => image.name.replace(/-\d+px$/, ''))).toEqual(names);
    expect(byName('two-codes').texts).toHaveLength(2);
  });

  it.each(names)('zxing-wasm + jsQR pipeline reads every code in %s', async (name) => {
    const image = byName(name);
    const texts = await full.decode(image.image);
    expect([...texts].sort()).toEqual([...image.texts].sort());
  });

  it.each(names)(
    'the jsQR fallback alone also reads every code in %s',
    async (name) => {
      const image = byName(name);
      const texts = await jsqrOnly.decode(image.image, { deadlineMs: 15_000 });
      expect([...texts].sort()).toEqual([...image.texts].sort());
    },
    30_000,
  );

  it('reads a 3840×2160 screenshot within its deadline (time is reported by the benchmark)', async () => {
    const image = byName('screenshot-3840x2160');
    const started = performance.now();
    expect(await full.decode(image.image, { deadlineMs: 5000 })).toEqual(image.texts);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('returns [] for an image without a QR code', async () => {
    const blank = createCanvas(640, 480, [200, 210, 220]);
    expect(await full.decode(blank)).toEqual([]);
    expect(await jsqrOnly.decode(blank)).toEqual([]);
  });

  it.each([1, 2, 3])(
    'reads a code on a curved label (syntheticUri(%i)) with the curved reader, which zxing and jsQR alone cannot',
    async (n) => {
      const label = curvedLabel(syntheticUri(n));
      const withJsqr = await createQrDecoder({ zxingWasm: loadZxingReaderWasm(), jsqrFallback: true });
      expect(await withJsqr.decode(label.image)).toEqual([]);
      const withCurved = await createQrDecoder({
        zxingWasm: loadZxingReaderWasm(),
        curved: loadCurvedQrReader,
      });
      expect(withCurved.engines).toEqual(['zxing', 'curved']);
      expect(await withCurved.decode(label.image)).toEqual(label.texts);
    },
  );

  it('never loads the curved reader for an image where zxing saw no code, or read the one it saw', async () => {
    let loads = 0;
    const decoder = await createQrDecoder({
      zxingWasm: loadZxingReaderWasm(),
      curved: () => {
        loads++;
        return loadCurvedQrReader();
      },
    });
    expect(await decoder.decode(createCanvas(640, 480, [200, 210, 220]))).toEqual([]);
    expect(await decoder.decode(byName('screenshot-1920x1080').image)).toHaveLength(1);
    expect(loads).toBe(0);
    await decoder.decode(curvedLabel(syntheticUri(2)).image);
    await decoder.decode(curvedLabel(syntheticUri(3)).image);
    expect(loads).toBe(1);
  });

  it('a 50-megapixel image is searched in bounded time and still yields its code', async () => {
    const huge = createCanvas(8192, 6144, [240, 240, 240]);
    const text = syntheticUri(3);
    drawQr(huge, text, 5000, 3000, 24, [0, 0, 0], [255, 255, 255]);
    const started = performance.now();
    expect(await full.decode(huge, { deadlineMs: 4000 })).toEqual([text]);
    // jsQR alone on 50 MP would take many seconds per pass; the cap and deadline bound it.
    const jsqrStarted = performance.now();
    await jsqrOnly.decode(huge, { deadlineMs: 2000 });
    expect(performance.now() - jsqrStarted).toBeLessThan(2000 + 1500);
    expect(jsqrStarted - started).toBeLessThan(4000 + 1500);
  }, 30_000);

  it('rejects pixel buffers that do not match their size', async () => {
    await expect(
      full.decode({ width: 100, height: 100, data: new Uint8ClampedArray(10) }),
    ).rejects.toThrow(/empty or damaged/);
  });
});

/** zbarimg (Debian zbar-tools) as an independent decoder: where it reads an image, we must agree. */
describe.skipIf(!existsSync(ZBARIMG))('agreement with zbarimg', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'otp-desk-qr-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every text zbarimg reads from the synthetic set is one we expected, and we read it too', async () => {
    let agreed = 0;
    for (const image of set) {
      const file = path.join(dir, `${image.name}.png`);
      const { width, height, data } = image.image;
      writeFileSync(
        file,
        await sharp(Buffer.from(data.buffer, data.byteOffset, data.length), {
          raw: { width, height, channels: 4 },
        })
          .png()
          .toBuffer(),
      );
      let out: string;
      try {
        out = execFileSync(ZBARIMG, ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', file], {
          stdio: ['ignore', 'pipe', 'ignore'],
        }).toString();
      } catch {
        continue; // zbarimg exits 4 when it finds nothing (it has no inverted-code support).
      }
      const zbarTexts = out.split('\n').filter(Boolean);
      for (const zbarText of zbarTexts) expect(image.texts).toContain(zbarText);
      expect(await full.decode(image.image)).toEqual(expect.arrayContaining(zbarTexts));
      agreed += zbarTexts.length;
    }
    expect(agreed).toBeGreaterThanOrEqual(4);
  }, 60_000);

  const corpus = corpusDir('google-migration');
  it
    .skipIf(!hasCorpusFolder('google-migration'))
    .each(['example_export.png', 'qr_but_without_otp.png'])(
    'reads the same text as zbarimg from corpus image %s',
    async (file) => {
      const zbar = execFileSync(ZBARIMG, ['-q', '--raw', path.join(corpus, file)], {
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .replace(/\n$/, '');
      expect(
        await readQrTextsFromImageFile(corpusSource('google-migration', file).bytes, file),
      ).toEqual([zbar]);
    },
  );
});
