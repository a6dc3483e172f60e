import { describe, expect, it } from 'vitest';
import { classifyQrText } from '../../electron/core/qr/qr';

describe('classifyQrText: saying what a QR code held without showing secrets', () => {
  it.each([
    ['otpauth://totp/X?secret=JBSWY3DPEHPK3PXP', 'otpauth'],
    ['OTPAUTH://hotp/X?secret=JBSWY3DPEHPK3PXP', 'otpauth'],
    ['otpauth-migration://offline?data=CjMK', 'otpauth-migration'],
    ['NOT A otpauth-migration:// URL', 'other'],
  ])('%s is %s', (text, kind) => {
    expect(classifyQrText(text).kind).toBe(kind);
  });

  it.each([
    ['NOT A otpauth-migration:// URL', 'text "NOT A otpauth-mi…"'],
    ['hello', 'text "hello"'],
    ['https://example.com/login?session=SECRETTOKEN123', 'a web link (https://example.com/…)'],
    ['https://example.com', 'a web link (https://example.com)'],
    ['WIFI:S:home;T:WPA;P:hunter2hunter2;;', 'Wi-Fi network settings'],
    ['BEGIN:VCARD\nFN:Ann\nEND:VCARD', 'a contact card'],
    ['mailto:ann@example.com', 'an email address'],
    ['bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 'a "bitcoin:" link'],
    ['', 'nothing (an empty QR code)'],
  ])('%j is described as %s', (text, description) => {
    expect(classifyQrText(text).description).toBe(description);
  });

  it.each([
    'JBSWY3DPEHPK3PXP',
    'jbsw y3dp ehpk 3pxp',
    'my key: JBSWY3DPEHPK3PXPJBSWY3DP',
    'token 3q2+7wABAgMEBQYHCAkKCw==',
  ])('never quotes key-like text: %s', (text) => {
    const { description } = classifyQrText(text);
    expect(description.toUpperCase()).not.toContain('JBSW');
    expect(description).not.toContain('3q2+');
    expect(description).not.toMatch(/y3dp/i);
  });
});
