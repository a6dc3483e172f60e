import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../electron/core/otp/draft';
import { formatOtpauthUri, parseOtpauthUri } from '../../electron/core/otp/otpauth';

describe('parseOtpauthUri', () => {
  it('reads the label, issuer and defaults', () => {
    expect(parseOtpauthUri('otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME')).toEqual({
      type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'ACME', account: 'alice',
    });
  });

  it('decodes percent-encoding in the label and takes the issuer parameter over the label prefix', () => {
    const d = parseOtpauthUri('otpauth://totp/Old%20Name:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Air%20Canada');
    expect(d.issuer).toBe('Air Canada');
    expect(d.account).toBe('alice@example.com');
  });

  it('takes the issuer from the label when there is no parameter, and trims "Issuer: account"', () => {
    const d = parseOtpauthUri('otpauth://totp/GitHub:%20bob?secret=JBSWY3DPEHPK3PXP');
    expect([d.issuer, d.account]).toEqual(['GitHub', 'bob']);
  });

  it('accepts lower-case, padded and spaced secrets', () => {
    expect(parseOtpauthUri('otpauth://totp/x?secret=jbsw%20y3dp%20ehpk%203pxp%3D%3D%3D').secret).toBe('JBSWY3DPEHPK3PXP');
  });

  it('reads algorithm, digits, period and the hotp counter', () => {
    const d = parseOtpauthUri('otpauth://hotp/I:a?secret=JBSWY3DPEHPK3PXP&algorithm=sha512&digits=8&counter=42');
    expect(d).toMatchObject({ type: 'hotp', algorithm: 'SHA512', digits: 8, counter: 42 });
    expect(parseOtpauthUri('otpauth://totp/I:a?secret=JBSWY3DPEHPK3PXP&period=60&algorithm=SHA256').period).toBe(60);
  });

  it('reads Steam accounts as Aegis and KeePassXC write them', () => {
    expect(parseOtpauthUri('otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP').type).toBe('steam');
    expect(parseOtpauthUri('otpauth://totp/Steam:me?secret=JBSWY3DPEHPK3PXP&encoder=steam')).toMatchObject({ type: 'steam', digits: 5 });
  });

  it.each([
    ['https://example.com', /not an otpauth URI/],
    ['otpauth-migration://offline?data=abc', /Google Authenticator transfer/],
    ['otpauth://xotp/a?secret=JBSWY3DPEHPK3PXP', /type "xotp" is not supported/],
    ['otpauth://totp/a?issuer=b', /no secret/],
    ['otpauth://totp/a?secret=JBSW1Y3DP', /character base32 does not use/],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', /algorithm "MD5" is not supported/],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=9', /6, 7 or 8 digits/],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=5', /6, 7 or 8 digits/],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=0', /period must be/],
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=-30', /period "-30" is not a whole number/],
  ])('rejects %s saying why', (uri, reason) => {
    expect(() => parseOtpauthUri(uri)).toThrow(reason);
  });

  it('never puts the secret in an error message', () => {
    // expect(...).toThrow only sees the message; the whole error (name, message, stack) is checked.
    let error: unknown;
    try {
      parseOtpauthUri('otpauth://totp/a?secret=JBSWY3DPEHPK3PX1');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/base32/);
    expect(`${String(error)} ${(error as Error).stack}`).not.toContain('JBSWY3DP');
  });
});

describe('formatOtpauthUri', () => {
  it('round-trips every field, including characters that need encoding', () => {
    const draft = buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'AT&T Mobile', account: 'a+b@c.d:e', algorithm: 'SHA256', digits: 8, period: 45 });
    expect(parseOtpauthUri(formatOtpauthUri(draft))).toEqual(draft);
    const hotp = buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'X', account: 'y', type: 'hotp', counter: 7 });
    expect(parseOtpauthUri(formatOtpauthUri(hotp))).toEqual(hotp);
  });
});
