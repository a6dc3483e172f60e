import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { ImportSandbox } from '../../electron/sandbox/import-sandbox.node';
import { curvedLabel, syntheticUri } from '../fixtures/synthetic-qr';
import { buildImportChild } from '../support/import-child';
import { corpusDir, hasCorpusFolder } from '../support/corpus';
import { hostileInputs } from '../support/hostile-inputs';

/**
 * The import sandbox: a hostile file costs one UserError naming the limit, never the process,
 * and the next file still imports. Stand-in children hang, exhaust their heap or die on cue, so
 * the limits are tested without hostile parsers; the real child is tested with the real files.
 */
const scratch = mkdtempSync(join(tmpdir(), 'sandbox-'));
const STAND_IN = join(scratch, 'stand-in-child.cjs');
writeFileSync(
  STAND_IN,
  `let granted;
// What a KDF in WebAssembly leaves behind: its memory, which a wasm instance never gives back.
const kept = [];
process.on('message', (request) => {
  if (request.op === 'kdf-granted') return granted();
  const name = request.source.fileName;
  // A KDF of 64 MiB announced (as the importers do once the limits accepted it), then, once main
  // granted it, the child holds n MB (file kdf-n) for a moment.
  const held = /^kdf-(\\d+)$/.exec(name);
  if (held) {
    granted = () => {
      const keep = new Uint8Array(Number(held[1]) * 1024 * 1024).fill(7);
      setTimeout(() => process.send({ id: request.id, ok: true, value: { state: 'read', result: { format: 'stand-in', entries: [], issues: [], held: keep.length } } }), 300);
    };
    return process.send({ id: request.id, op: 'kdf', cost: { kind: 'argon2', memoryKiB: 65536, passes: 1 } });
  }
  const keep = /^kdf-keep-(\\d+)$/.exec(name);
  if (keep) {
    granted = () => {
      kept.push(new Uint8Array(Number(keep[1]) * 1024 * 1024).fill(7));
      process.send({ id: request.id, ok: true, value: { state: 'read', result: { format: 'stand-in', entries: [], issues: [] } } });
    };
    return process.send({ id: request.id, op: 'kdf', cost: { kind: 'argon2', memoryKiB: 65536, passes: 1 } });
  }
  // A file read at a loaded machine's pace: its answer comes after the memory meter has looked.
  if (name === 'slow.json') return setTimeout(() => process.send({ id: request.id, ok: true, value: { state: 'read', result: { format: 'stand-in', entries: [], issues: [] } } }), 300);
  if (name === 'kdf-forged') return process.send({ id: request.id, op: 'kdf', cost: { kind: 'argon2', memoryKiB: 4 * 1024 * 1024, passes: 1 } });
  if (name === 'hang') for (;;);
  // A child that does no work for a while (as one starved of CPU by a busy machine), or at all.
  if (name === 'wait-900') return setTimeout(() => process.send({ id: request.id, ok: true, value: { state: 'read', result: { format: 'stand-in', entries: [], issues: [] } } }), 900);
  if (name === 'wait-forever') return;
  if (name === 'oom') { const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); }
  if (name === 'exit') process.exit(7);
  if (name === 'bug') throw new Error('secret JBSWY3DPEHPK3PXP in a stack');
  process.send({ id: request.id, ok: true, value: { state: 'read', result: { format: 'stand-in', entries: [], issues: [] } } });
});`,
);
const file = (fileName: string) => ({ fileName, bytes: new Uint8Array([1, 2, 3]) });

describe('import sandbox limits (stand-in child)', () => {
  const sandbox = new ImportSandbox({
    childPath: STAND_IN,
    limits: { timeMs: 3000, memoryMb: 128 },
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stops a file that takes longer than the time limit, and reads the next one', async () => {
    await expect(sandbox.readFile(file('hang'))).rejects.toThrow(
      /Reading hang took longer than 3 s/,
    );
    await expect(sandbox.readFile(file('fine.json'))).resolves.toMatchObject({ state: 'read' });
  });

  it('counts the child’s work against the time cap, not the clock; a child that only waits is stopped at 4 times the cap', async () => {
    const slow = new ImportSandbox({ childPath: STAND_IN, limits: { timeMs: 500, memoryMb: 128 } });
    try {
      await expect(slow.readFile(file('wait-900'))).resolves.toMatchObject({ state: 'read' });
      const started = Date.now();
      await expect(slow.readFile(file('wait-forever'))).rejects.toThrow(/Reading wait-forever took longer than 1 s/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    } finally {
      await slow.close();
    }
  });

  it('stops a file that exhausts the memory cap with a message naming the cap', async () => {
    const error = await sandbox.readFile(file('oom')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/Reading oom needed more than 128 MB of memory/);
    await expect(sandbox.readFile(file('fine.json'))).resolves.toMatchObject({ state: 'read' });
  });

  it('raises the memory cap by the KDF memory a file declares, once main granted it, and no further', async () => {
    // 128 MB + the 64 MiB declared: 100 MB held fits, 200 MB does not.
    await expect(sandbox.readFile(file('kdf-100'))).resolves.toMatchObject({ state: 'read' });
    await expect(sandbox.readFile(file('kdf-200'))).rejects.toThrow(/Reading kdf-200 needed more than 192 MB of memory/);
    // The raise was for that file: the next one has the default cap again.
    await expect(sandbox.readFile(file('oom'))).rejects.toThrow(/Reading oom needed more than 128 MB of memory/);
  });

  it('reads the file after one whose KDF left the child past the default cap (a followed folder reads its backup twice)', async () => {
    await expect(sandbox.readFile(file('kdf-keep-120'))).resolves.toMatchObject({ state: 'read' });
    await expect(sandbox.readFile(file('slow.json'))).resolves.toMatchObject({ state: 'read' });
  });

  it('does not believe a child that announces a KDF past the limits', async () => {
    const error = await sandbox.readFile(file('kdf-forged')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/asks for 4096 MiB of Argon2 memory, above the limit of 1 GiB/);
    await expect(sandbox.readFile(file('fine.json'))).resolves.toMatchObject({ state: 'read' });
  });

  it('turns a child that dies or throws into a UserError without its text', async () => {
    await expect(sandbox.readFile(file('exit'))).rejects.toThrow(/could not read exit/);
    const error = (await sandbox.readFile(file('bug')).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).not.toContain('JBSWY3DPEHPK3PXP');
    await expect(sandbox.readFile(file('fine.json'))).resolves.toMatchObject({ state: 'read' });
  });

  it('refuses a file over 50 MB before copying it to the child', async () => {
    const big = { fileName: 'big.json', bytes: new Uint8Array(50 * 1024 * 1024 + 1) };
    await expect(sandbox.readFile(big)).rejects.toThrow(
      /big\.json is 51 MB, above the 50 MB OTP Desk reads from one file/,
    );
  });
});

describe('import sandbox (real child)', () => {
  let sandbox: ImportSandbox;
  let childPath: string;
  beforeAll(async () => {
    childPath = await buildImportChild();
    sandbox = new ImportSandbox({ childPath });
  }, 60_000);
  afterAll(async () => {
    await sandbox.close();
    rmSync(dirname(childPath), { recursive: true, force: true });
  });

  it('returns drafts for a link list', async () => {
    const bytes = new TextEncoder().encode(
      'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example\n',
    );
    const reading = await sandbox.readFile({ fileName: 'links.txt', bytes });
    expect(reading).toMatchObject({
      state: 'read',
      result: { entries: [{ issuer: 'Example', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' }] },
    });
  });

  it.skipIf(!hasCorpusFolder('aegis-importers'))(
    'reads sql.js and zip formats inside the child',
    async () => {
      for (const name of ['google_authenticator.sqlite', 'authenticator_plus.zip']) {
        const bytes = new Uint8Array(readFileSync(join(corpusDir('aegis-importers'), name)));
        const reading = await sandbox.readFile(
          { fileName: name, bytes },
          name.endsWith('.zip') ? 'testtesttest' : undefined,
        );
        expect(reading.state).toBe('read');
        if (reading.state === 'read') expect(reading.result.entries.length).toBeGreaterThan(0);
      }
    },
  );

  it('answers each hostile input of issue 15 with one message and keeps working', async () => {
    for (const input of hostileInputs()) {
      if (input.source.fileName === 'random.bin') {
        // Not an error yet: only an encrypted andOTP backup could be these bytes, so it waits for a password…
        expect(await sandbox.readFile(input.source)).toEqual({
          state: 'locked',
          format: 'andOTP backup',
          guessed: true,
        });
        // …and a password then says the file may be damaged or no andOTP backup at all.
        await expect(sandbox.readFile(input.source, 'guess')).rejects.toThrow(
          /password is wrong, or the file is damaged or not an andOTP backup/,
        );
        continue;
      }
      const error = (await sandbox.readFile(input.source).catch((e: unknown) => e)) as Error;
      expect(error, input.source.fileName).toBeInstanceOf(UserError);
      expect(error.message).toMatch(input.message);
    }
    const reading = await sandbox.readFile({
      fileName: 'a.txt',
      bytes: new TextEncoder().encode('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP'),
    });
    expect(reading.state).toBe('read');
  });

  it('decodes QR images with zxing-wasm in the child, also in a fresh child after the last was stopped', async () => {
    const png = new Uint8Array(
      await QRCode.toBuffer('otpauth://totp/Imageco:ivy?secret=JBSWY3DPEHPK3PXP&issuer=Imageco', {
        width: 200,
      }),
    );
    for (let round = 0; round < 2; round++) {
      const reading = await sandbox.readFile({ fileName: 'qr.png', bytes: png });
      expect(reading).toMatchObject({
        state: 'read',
        result: { entries: [{ issuer: 'Imageco', account: 'ivy' }] },
      });
      await sandbox.close(); // the next round loads the decoders and the wasm reader into a new child
    }
  });

  it('reads QR codes from PNG (RGBA, palette, 1-bit palette, 16-bit gray), JPEG, WebP and GIF without sharp, which the child may not load', async () => {
    const uri = 'otpauth://totp/Formatco:max?secret=JBSWY3DPEHPK3PXP&issuer=Formatco';
    // 250 px wide: a 1-bit row is 31.25 bytes, so rows are padded.
    const png = await QRCode.toBuffer(uri, { width: 250 });
    const files = {
      'qr.png': png,
      'qr-palette.png': await sharp(png).png({ palette: true }).toBuffer(),
      'qr-1bit.png': await sharp(png).png({ palette: true, colours: 2 }).toBuffer(),
      'qr-gray16.png': await sharp(png).grayscale().toColourspace('grey16').png().toBuffer(),
      'qr.jpg': await sharp(png).flatten().jpeg({ quality: 90 }).toBuffer(),
      'qr.webp': await sharp(png).webp({ quality: 90 }).toBuffer(),
      'qr-lossless.webp': await sharp(png).webp({ lossless: true }).toBuffer(),
      'qr.gif': await sharp(png).gif().toBuffer(),
    };
    for (const [fileName, bytes] of Object.entries(files)) {
      const reading = await sandbox.readFile({ fileName, bytes: new Uint8Array(bytes) });
      expect(reading, fileName).toMatchObject({
        state: 'read',
        result: { entries: [{ issuer: 'Formatco', account: 'max' }] },
      });
    }
  });

  /** A phone's 12 MP photo (4032×3024 JPEG) of a wall, with `label` (PNG bytes) stuck on it. */
  const phonePhoto = (label: Buffer) =>
    sharp({ create: { width: 4032, height: 3024, channels: 3, background: { r: 230, g: 225, b: 215 } } })
      .composite([{ input: label, left: 900, top: 500 }])
      .jpeg({ quality: 90 })
      .toBuffer();

  it('reads a phone’s 12 MP JPEG photo of a code within the default 256 MB cap', async () => {
    const code = await QRCode.toBuffer(syntheticUri(1), { width: 1600 });
    const photo = await phonePhoto(code);
    const reading = await sandbox.readFile({ fileName: 'IMG_0001.jpg', bytes: new Uint8Array(photo) });
    expect(reading).toMatchObject({ state: 'read', result: { entries: [{ issuer: 'GitHub' }] } });
  });

  it('reads a code on a curved label with OpenCV, which loads in the child without code generation from strings', async () => {
    const { image } = curvedLabel(syntheticUri(2));
    const raw = { raw: { width: image.width, height: image.height, channels: 4 as const } };
    const png = await sharp(image.data, raw).png().toBuffer();
    const reading = await sandbox.readFile({ fileName: 'label.png', bytes: new Uint8Array(png) });
    expect(reading).toMatchObject({
      state: 'read',
      result: { entries: [{ issuer: 'AWS', account: 'user2@example.com' }] },
    });
    // In a 12 MP photo OpenCV would not fit beside the pixels: the user is told to crop, not that
    // the file needed too much memory.
    const photo = await phonePhoto(await sharp(image.data, raw).resize(1800, 1800).png().toBuffer());
    await expect(
      sandbox.readFile({ fileName: 'IMG_0002.jpg', bytes: new Uint8Array(photo) }),
    ).rejects.toThrow(/No QR code was found in IMG_0002\.jpg\. .*crop it closer to the QR code/);
  });

  it('reads pasted texts: a batch size of 2^31-1 is refused as an issue, the other link imports', async () => {
    const [hostileLink] = hostileInputs()
      .filter((i) => i.link)
      .map((i) => i.link!);
    const result = await sandbox.readTexts([
      { text: hostileLink!, where: 'pasted link 1' },
      { text: 'otpauth://totp/B?secret=JBSWY3DPEHPK3PXP', where: 'pasted link 2' },
    ]);
    expect(result.entries).toHaveLength(1);
    expect(result.issues[0]!.message).toMatch(
      /one of 2147483647 codes; a transfer has at most 1000/,
    );
  });
});
