import QRCode from 'qrcode';

/** Error correction M: what Google Authenticator and most sites use for otpauth codes. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A QR code as an SVG document (scales to any size, prints sharply). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}

/** A QR code as PNG bytes, `scale` pixels per module (6 scans well from a screen or paper). */
export async function qrPng(text: string, scale = 6): Promise<Uint8Array> {
  return new Uint8Array(await QRCode.toBuffer(text, { ...OPTIONS, type: 'png', scale }));
}
