import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HashAlgorithm, OtpParameters } from '../../electron/core/otp/account';
import { encodeBase32 } from '../../electron/core/otp/base32';
import { codeWindow, generateCode, groupCode } from '../../electron/core/otp/otp';

const ascii = (s: string) => encodeBase32(new TextEncoder().encode(s));
const totp = (secret: string, algorithm: HashAlgorithm, digits = 8): OtpParameters => ({
  type: 'totp', secret, algorithm, digits, period: 30, counter: 0,
});

// RFC 6238 Appendix B: the seed is the ASCII string repeated to the hash's block length.
const RFC6238_SEEDS: Record<HashAlgorithm, string> = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};
const RFC6238: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238 Appendix B)', () => {
  it.each(RFC6238)('at %i s gives the RFC codes for SHA1, SHA256 and SHA512', (time, sha1, sha256, sha512) => {
    expect(generateCode(totp(RFC6238_SEEDS.SHA1, 'SHA1'), time)).toBe(sha1);
    expect(generateCode(totp(RFC6238_SEEDS.SHA256, 'SHA256'), time)).toBe(sha256);
    expect(generateCode(totp(RFC6238_SEEDS.SHA512, 'SHA512'), time)).toBe(sha512);
  });
});

describe('HOTP (RFC 4226 Appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code] as const))('counter %i gives %s', (counter, code) => {
    const params: OtpParameters = { type: 'hotp', secret: RFC6238_SEEDS.SHA1, algorithm: 'SHA1', digits: 6, period: 30, counter };
    expect(generateCode(params, 0)).toBe(code);
  });
});

describe('code windows', () => {
  it('gives the current and the next code with the window the current one is valid in', () => {
    const w = codeWindow({ ...totp('JBSWY3DPEHPK3PXP', 'SHA1', 6) }, 59);
    expect(w).toMatchObject({ validFrom: 30, validUntil: 60 });
    expect(w.next).toBe(generateCode(totp('JBSWY3DPEHPK3PXP', 'SHA1', 6), 60));
  });

  it('accepts the 10-byte secrets real services issue', () => {
    expect(generateCode(totp('JBSWY3DPEHPK3PXP', 'SHA1', 6), 0)).toMatch(/^\d{6}$/);
  });

  it('makes 5-character Steam Guard codes from the Steam alphabet', () => {
    const code = generateCode({ type: 'steam', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 }, 1_700_000_000);
    expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  it('groups codes for reading', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(groupCode('12345678')).toBe('1234 5678');
  });
});

// Independent oracle: oathtool (Debian package oathtool), when installed.
describe.skipIf(!existsSync('/usr/bin/oathtool'))('agrees with oathtool on random cases', () => {
  it('matches 60 random TOTP/HOTP cases across algorithms, digits, periods and key lengths', () => {
    const algorithms: HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
    for (let i = 0; i < 60; i++) {
      const secret = encodeBase32(randomBytes(randomInt(10, 65)));
      const algorithm = algorithms[i % 3]!;
      const digits = 6 + (i % 3);
      if (i % 4 === 0) {
        const counter = randomInt(0, 1_000_000);
        const oath = execFileSync('oathtool', ['--hotp', '-b', `--digits=${digits}`, `--counter=${counter}`, secret]).toString().trim();
        // oathtool's --hotp supports only SHA1.
        expect(generateCode({ type: 'hotp', secret, algorithm: 'SHA1', digits, period: 30, counter }, 0)).toBe(oath);
      } else {
        const period = [15, 30, 60, 90][i % 4]!;
        const time = randomInt(0, 4_000_000_000);
        const oath = execFileSync('oathtool', [`--totp=${algorithm.toLowerCase()}`, '-b', `--digits=${digits}`, `--time-step-size=${period}s`, `--now=@${time}`, secret]).toString().trim();
        expect(generateCode({ type: 'totp', secret, algorithm, digits, period, counter: 0 }, time)).toBe(oath);
      }
    }
  });
});
