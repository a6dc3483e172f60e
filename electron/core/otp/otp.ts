import { NobleCryptoPlugin } from '@otplib/plugin-crypto-noble';
import type { HashAlgorithm, OtpParameters } from './account';
import { decodeBase32 } from './base32';

/** HMAC of `message` under `key`: node:crypto in main and the CLI (hmac.node.ts), noble where that is absent. */
export type HmacFunction = (
  algorithm: HashAlgorithm,
  key: Uint8Array,
  message: Uint8Array,
) => Uint8Array;

/**
 * One account's HMAC, keyed once and reused for every code until the vault locks: the key schedule
 * (hashing the inner and outer pads) is done once instead of per code. `sign` returns the MAC of
 * `message`, which may be overwritten by the next call; `wipe` zeroes what it keeps and drops it.
 */
export interface KeyedHmac {
  sign(message: Uint8Array): Uint8Array;
  wipe(): void;
}

/** Makes the KeyedHmac of a decoded key; it keeps its own copy or state, never `key` itself. */
export type KeyedHmacFactory = (algorithm: HashAlgorithm, key: Uint8Array) => KeyedHmac;

const noble = new NobleCryptoPlugin();
const hashName = (algorithm: HashAlgorithm) =>
  algorithm.toLowerCase() as 'sha1' | 'sha256' | 'sha512';

/** Pure-JS HMAC (otplib's noble plugin), for code that may run where node:crypto does not. */
export const nobleHmac: HmacFunction = (algorithm, key, message) =>
  noble.hmac(hashName(algorithm), key, message);

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** The HOTP counter a TOTP code uses at a given time (RFC 6238 T). */
export function timeStep(atSeconds: number, period: number): number {
  return Math.floor(atSeconds / period);
}

/** Scratch space for the counter: HMACs here are synchronous, so one buffer serves every call. */
const counterScratch = new Uint8Array(8);
const counterView = new DataView(counterScratch.buffer);

/** The 8-byte big-endian counter HOTP feeds to the HMAC (RFC 4226 §5.2). */
function counterBytes(counter: number): Uint8Array {
  counterView.setUint32(0, Math.floor(counter / 0x1_0000_0000));
  counterView.setUint32(4, counter >>> 0);
  return counterScratch;
}

/** 10^digits for the digit counts a code may have. */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/** RFC 4226 §5.3 dynamic truncation: the 31-bit number at the offset the HMAC's last nibble names. */
function truncate(hmac: Uint8Array): number {
  const offset = hmac[hmac.length - 1]! & 0xf;
  return (
    ((hmac[offset]! & 0x7f) << 24) |
    (hmac[offset + 1]! << 16) |
    (hmac[offset + 2]! << 8) |
    hmac[offset + 3]!
  );
}

/** The hash a code's HMAC uses: Steam's is SHA-1 whatever the account says. */
export function codeHash(params: Pick<OtpParameters, 'type' | 'algorithm'>): HashAlgorithm {
  return params.type === 'steam' ? 'SHA1' : params.algorithm;
}

/**
 * The code an HMAC of the counter gives (RFC 4226 truncation, or Steam's alphabet). The decimal
 * digits are written out rather than with otplib's `truncateDigits` (`10 ** n`, `toString`,
 * `padStart` on every code): the window computes 2000 codes per step for 1000 accounts, and in the
 * profile that helper was the largest cost after the HMAC itself (bench `codesRatio`).
 */
function codeFromMac(params: OtpParameters, mac: Uint8Array): string {
  let value = truncate(mac);
  if (params.type !== 'steam') {
    const digits = params.digits;
    const code = `${value % (POWERS_OF_TEN[digits] ?? 10 ** digits)}`;
    return code.length === digits ? code : code.padStart(digits, '0');
  }
  let code = '';
  for (let i = 0; i < params.digits; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

/** The code for one counter value from an already decoded key. */
export function hotpCodeFromKey(
  params: OtpParameters,
  key: Uint8Array,
  counter: number,
  hmac: HmacFunction,
): string {
  return codeFromMac(params, hmac(codeHash(params), key, counterBytes(counter)));
}

/** The code for one counter value from a KeyedHmac, which must be keyed with `codeHash(params)`. */
export function hotpCodeFromKeyedHmac(
  params: OtpParameters,
  mac: KeyedHmac,
  counter: number,
): string {
  return codeFromMac(params, mac.sign(counterBytes(counter)));
}

/** The code for `params` at `atSeconds` (unix seconds); hotp ignores the time and uses its counter. */
export function generateCode(
  params: OtpParameters,
  atSeconds: number,
  hmac: HmacFunction = nobleHmac,
): string {
  const counter = params.type === 'hotp' ? params.counter : timeStep(atSeconds, params.period);
  return hotpCodeFromKey(params, decodeBase32(params.secret), counter, hmac);
}

/** A code with the window in which it is valid (unix seconds; hotp codes have no window). */
export interface CodeWindow {
  readonly code: string;
  readonly next: string;
  readonly validFrom: number;
  readonly validUntil: number;
}

/** The code window from an already decoded key: what a per-unlock key cache calls. */
export function codeWindowFromKey(
  params: OtpParameters,
  key: Uint8Array,
  atSeconds: number,
  hmac: HmacFunction,
): CodeWindow {
  if (params.type === 'hotp') {
    return {
      code: hotpCodeFromKey(params, key, params.counter, hmac),
      next: hotpCodeFromKey(params, key, params.counter + 1, hmac),
      validFrom: 0,
      validUntil: 0,
    };
  }
  const step = timeStep(atSeconds, params.period);
  return {
    code: hotpCodeFromKey(params, key, step, hmac),
    next: hotpCodeFromKey(params, key, step + 1, hmac),
    validFrom: step * params.period,
    validUntil: (step + 1) * params.period,
  };
}

/** The current code, the one after it (next period, or next counter for hotp) and the current validity window. */
export function codeWindow(
  params: OtpParameters,
  atSeconds: number,
  hmac: HmacFunction = nobleHmac,
): CodeWindow {
  return codeWindowFromKey(params, decodeBase32(params.secret), atSeconds, hmac);
}

/** Groups a code for reading aloud: `123 456`, `1234 5678`, `12 345`. */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, code.length - half)} ${code.slice(code.length - half)}`.trim();
}
