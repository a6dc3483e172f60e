import QRCode from 'qrcode';
import { expect, test } from './fixtures';

// `OTP Desk --smoke-test` proves the installed build's QR worker through window.otpDeskQrSelfTest;
// here the same hook runs in the real renderer build (its worker, its bundled .wasm, its CSP).
const LINK = 'otpauth://totp/Smoke:worker?secret=GEZDGNBVGY3TQOJQ&issuer=Smoke';

test('the renderer decodes a QR PNG in its own worker through the smoke hook, without a console error', async ({
  app,
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await app.open(page);
  const png = (await QRCode.toBuffer(LINK, { margin: 4, scale: 6 })).toString('base64');
  const texts = await page.evaluate(
    (b64) =>
      (
        window as unknown as { otpDeskQrSelfTest(png: string): Promise<string[]> }
      ).otpDeskQrSelfTest(b64),
    png,
  );
  expect(texts).toEqual([LINK]);
  // Not a QR image: nothing read, still no error.
  const none = await page.evaluate(() =>
    (window as unknown as { otpDeskQrSelfTest(png: string): Promise<string[]> }).otpDeskQrSelfTest(
      btoa('not a png'),
    ),
  );
  expect(none).toEqual([]);
  expect(errors).toEqual([]);
});
