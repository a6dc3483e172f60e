import { randomBytes } from 'node:crypto';

/** Protobuf varint bytes of a non-negative number. */
function varint(value: number): number[] {
  const out: number[] = [];
  let v = BigInt(value);
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

/** A Google transfer link with one valid account whose batch_size field says `batchSize`. */
export function transferLinkWithBatchSize(batchSize: number): string {
  const secret = [...new TextEncoder().encode('ABCDEFGHIJ')];
  const otp = [0x0a, secret.length, ...secret, 0x12, 1, 0x61, 0x20, 1, 0x28, 1, 0x30, 2];
  const payload = Uint8Array.from([
    0x0a,
    otp.length,
    ...otp,
    0x10,
    1,
    0x18,
    ...varint(batchSize),
    0x20,
    0,
    0x28,
    5,
  ]);
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(payload).toString('base64'))}`;
}

/** One of issue 15's hostile inputs: the file a user would drop, and the words its one-line refusal holds. */
export interface HostileInput {
  readonly source: { readonly fileName: string; readonly bytes: Uint8Array };
  /** The link itself, for the paste path (the transfer link only). */
  readonly link?: string;
  /** What the single refusal line says, whichever door (CLI, app) the file came through. */
  readonly message: RegExp;
}

const text = (value: string) => new TextEncoder().encode(value);

/**
 * Issue 15's reproducible hostile inputs: a transfer link whose batch_size is 2^31−1 (took the
 * process down), a 1 MB SharedPreferences-shaped file (quadratic regex, > 20 s) and 5,000 random
 * bytes named like an andOTP backup (called "encrypted"). Fresh random bytes on each call.
 */
export function hostileInputs(): HostileInput[] {
  const link = transferLinkWithBatchSize(2 ** 31 - 1);
  return [
    {
      source: { fileName: 'batch-size.txt', bytes: text(`${link}\n`) },
      link,
      message: /one of 2147483647 codes; a transfer has at most 1000/,
    },
    {
      source: {
        fileName: 'shared_prefs.xml',
        bytes: text(
          `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n${'<string name="a">x'.repeat((1024 * 1024) / 18)}\n`,
        ),
      },
      message: /shared_prefs\.xml is not an export OTP Desk knows\. OTP Desk reads .*Aegis vault/,
    },
    {
      source: { fileName: 'random.bin', bytes: new Uint8Array(randomBytes(5000)) },
      message:
        /random\.bin is not a format OTP Desk recognises; if it is an encrypted andOTP backup, (give|pass) its password/,
    },
  ];
}
