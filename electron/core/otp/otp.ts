import { createGuardrails, dynamicTruncate, type Digits } from '@otplib/core';
import { generateSync as generateHotp } from '@otplib/hotp';
import { NobleCryptoPlugin } from '@otplib/plugin-crypto-noble';
import type { HashAlgorithm, OtpParameters } from './account';
import { decodeBase32 } from './base32';

const crypto = new NobleCryptoPlugin();

/**
 * otplib 13 refuses secrets under 16 bytes by default (RFC 4226's recommendation), but real
 * services issue 10-byte secrets (and AWS seeds of other lengths), so accept any non-empty key.
 */
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1, MAX_SECRET_BYTES: 1024, MIN_PERIOD: 1 });

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

const hashName = (algorithm: HashAlgorithm) => algorithm.toLowerCase() as 'sha1' | 'sha256' | 'sha512';

/** The HOTP counter a TOTP code uses at a given time (RFC 6238 T). */
export function timeStep(atSeconds: number, period: number): number {
  return Math.floor(atSeconds / period);
}

function hotpCode(params: OtpParameters, key: Uint8Array, counter: number): string {
  if (params.type === 'steam') {
    const counterBytes = new Uint8Array(8);
    new DataView(counterBytes.buffer).setBigUint64(0, BigInt(counter));
    let value = dynamicTruncate(crypto.hmac('sha1', key, counterBytes));
    let code = '';
    for (let i = 0; i < params.digits; i++) {
      code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
      value = Math.floor(value / STEAM_ALPHABET.length);
    }
    return code;
  }
  return generateHotp({
    secret: key,
    counter,
    algorithm: hashName(params.algorithm),
    digits: params.digits as Digits,
    crypto,
    guardrails,
  });
}

/** The code for `params` at `atSeconds` (unix seconds); hotp ignores the time and uses its counter. */
export function generateCode(params: OtpParameters, atSeconds: number): string {
  const key = decodeBase32(params.secret);
  const counter = params.type === 'hotp' ? params.counter : timeStep(atSeconds, params.period);
  return hotpCode(params, key, counter);
}

/** A code with the window in which it is valid (unix seconds; hotp codes have no window). */
export interface CodeWindow {
  readonly code: string;
  readonly next: string;
  readonly validFrom: number;
  readonly validUntil: number;
}

/** The current code, the one after it (next period, or next counter for hotp) and the current validity window. */
export function codeWindow(params: OtpParameters, atSeconds: number): CodeWindow {
  const key = decodeBase32(params.secret);
  if (params.type === 'hotp') {
    return {
      code: hotpCode(params, key, params.counter),
      next: hotpCode(params, key, params.counter + 1),
      validFrom: 0,
      validUntil: 0,
    };
  }
  const step = timeStep(atSeconds, params.period);
  return {
    code: hotpCode(params, key, step),
    next: hotpCode(params, key, step + 1),
    validFrom: step * params.period,
    validUntil: (step + 1) * params.period,
  };
}

/** Groups a code for reading aloud: `123 456`, `1234 5678`, `12 345`. */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, code.length - half)} ${code.slice(code.length - half)}`.trim();
}
