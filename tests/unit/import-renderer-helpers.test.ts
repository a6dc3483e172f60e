import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageSize } from '../../renderer/src/qr/image-size';
import { classifyPastedText } from '../../renderer/src/store/pasted-text';

describe('image size from the header (so huge images are decoded straight to a smaller size)', () => {
  const make = (
    format: 'png' | 'jpeg' | 'webp' | 'gif',
    width: number,
    height: number,
    options: object = {},
  ) => {
    const image = sharp({ create: { width, height, channels: 3, background: '#808080' } });
    return image[format](options).toBuffer();
  };

  it.each([
    ['png', 641, 479],
    ['jpeg', 4032, 3024],
    ['webp', 1201, 333],
    ['gif', 300, 200],
  ] as const)(
    "reads a %s file's width and height as sharp wrote them",
    async (format, width, height) => {
      expect(readImageSize(new Uint8Array(await make(format, width, height)))).toEqual({
        width,
        height,
      });
    },
  );

  it('reads a lossless WebP and a JPEG whose EXIF block comes before the frame', async () => {
    expect(readImageSize(new Uint8Array(await make('webp', 517, 213, { lossless: true })))).toEqual(
      { width: 517, height: 213 },
    );
    const withExif = await sharp(await make('jpeg', 640, 480))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(readImageSize(new Uint8Array(withExif))).toEqual({ width: 640, height: 480 });
  });

  it('reads the QR PNGs services hand out, and a BMP', async () => {
    expect(
      readImageSize(
        new Uint8Array(
          await QRCode.toBuffer('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', { width: 256 }),
        ),
      ),
    ).toEqual({ width: 256, height: 256 });
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setUint32(14, 40, true);
    new DataView(bmp.buffer).setInt32(18, 1024, true);
    new DataView(bmp.buffer).setInt32(22, -768, true); // top-down BMPs store a negative height
    expect(readImageSize(bmp)).toEqual({ width: 1024, height: 768 });
  });

  it('says nothing for text, truncated or unknown bytes', () => {
    expect(
      readImageSize(new TextEncoder().encode('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP')),
    ).toBeUndefined();
    expect(readImageSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(
      readImageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(40).fill(0)])),
    ).toBeUndefined();
  });
});

describe('what a paste outside a text field does', () => {
  it('sends a bare key (spaces, dashes, lower case, padding) to the add form', () => {
    expect(classifyPastedText(' jbsw y3dp-ehpk 3pxp ')).toEqual({
      kind: 'key',
      key: 'jbsw y3dp-ehpk 3pxp',
    });
    expect(classifyPastedText('JBSWY3DPEHPK3PXP====').kind).toBe('key');
  });

  it('sends every otpauth line to the review, one text per link', () => {
    const pasted = classifyPastedText(
      'My codes:\notpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\n\notpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGA\n',
    );
    expect(pasted.kind).toBe('links');
    if (pasted.kind === 'links')
      expect(pasted.texts.map((t) => t.source)).toEqual(['Pasted link 1', 'Pasted link 2']);
    // The line that is not a link is named (blank lines are not), never silently dropped.
    if (pasted.kind === 'links') expect(pasted.ignoredLines).toEqual([1]);
  });

  it('reads long structured text as a possible export, and ignores a stray word', () => {
    expect(
      classifyPastedText('{"version":1,"header":{"slots":null},"db":{"entries":[]}}').kind,
    ).toBe('export');
    expect(classifyPastedText('hello').kind).toBe('nothing');
    expect(classifyPastedText('JBSW0Y3DP').kind).toBe('nothing'); // too short and not base32: not a key
  });
});
