import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, CONTENT_SECURITY_POLICY, isSafeExternalUrl, SECURE_WEB_PREFERENCES } from '../../electron/main/security-policy';
import { isTrustedSender } from '../../electron/main/trusted-sender';

describe('window security settings', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webviews', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP that loads nothing from outside the app', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });

  it('ships the same CSP in the renderer page as in the response headers', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta).toBe(withoutFrameAncestors);
  });

  it('grants only clipboard writes', () => {
    expect(ALLOWED_PERMISSIONS).toEqual(['clipboard-sanitized-write']);
  });

  it.each([
    ['https://example.com/help', 'https://example.com/help'],
    ['http://example.com', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@example.com', null],
    ['not a url', null],
  ])('opens %s outside the app only if it is plain https', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('trusted IPC sender', () => {
  const index = '/opt/OTP Desk/resources/app.asar/dist/renderer/index.html';
  const event = (url: string, sameFrame = true) => {
    const frame = { url };
    return { senderFrame: frame, sender: { mainFrame: sameFrame ? frame : { url } } } as never;
  };

  it('accepts our own page, with or without a fragment', () => {
    expect(isTrustedSender(event('file:///opt/OTP%20Desk/resources/app.asar/dist/renderer/index.html'), index)).toBe(true);
    expect(isTrustedSender(event('file:///opt/OTP%20Desk/resources/app.asar/dist/renderer/index.html#/settings'), index)).toBe(true);
  });

  it('refuses other pages, other files and subframes', () => {
    expect(isTrustedSender(event('https://evil.example/index.html'), index)).toBe(false);
    expect(isTrustedSender(event('file:///tmp/index.html'), index)).toBe(false);
    expect(isTrustedSender(event('file:///opt/OTP%20Desk/resources/app.asar/dist/renderer/index.html', false), index)).toBe(false);
  });
});
