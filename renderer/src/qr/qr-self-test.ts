import { decodeQrImage } from './qr-client';

/** What `OTP Desk --smoke-test` calls in the page: decode one PNG (base64) in the real QR worker. */
export type QrSelfTest = (pngBase64: string) => Promise<readonly string[]>;

/**
 * Exposes the self-test on window for the installed build's smoke test, which proves the worker,
 * its bundled .wasm and the page's CSP work together. It decodes only the image it is given and
 * reads nothing from the vault.
 */
export function exposeQrSelfTest(target: { otpDeskQrSelfTest?: QrSelfTest }): void {
  target.otpDeskQrSelfTest = async (pngBase64) => {
    const bytes = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
    const result = await decodeQrImage(new Blob([bytes], { type: 'image/png' }));
    return result.ok ? result.texts : [];
  };
}
