import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  CONTENT_SECURITY_POLICY,
  SECURE_WEB_PREFERENCES,
  webPreferencesFor,
} from '../../electron/main/security-policy';
import { isTrustedSender } from '../../electron/main/trusted-sender';
import {
  applySecurityPolicy,
  type PolicyApp,
  type PolicyContents,
  type PolicySession,
} from '../../electron/main/security-setup';
import {
  APP_SCHEME_PRIVILEGES,
  RENDERER_URL,
  resolveAppFile,
} from '../../electron/main/app-protocol';
import { appMenuTemplate } from '../../electron/main/desktop/menu-templates';
import {
  forbiddenDebugSwitch,
  minimalMenu,
  type MenuItemSpec,
} from '../../electron/main/hardening';

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
      nodeIntegrationInSubFrames: false,
      navigateOnDragDrop: false,
    });
  });

  it('turns DevTools off in a packaged build', () => {
    expect(webPreferencesFor(true, '/p.cjs')).toMatchObject({
      devTools: false,
      sandbox: true,
      contextIsolation: true,
      preload: '/p.cjs',
    });
    expect(webPreferencesFor(false, '/p.cjs').devTools).toBe(true);
  });

  it('has a CSP that loads nothing from outside the app', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
    // No inline styles and no blob: workers: nothing needs them.
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['worker-src']).toEqual(["'self'"]);
  });

  it('ships the same CSP in the renderer page as in the response headers', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(withoutFrameAncestors);
  });

  it('grants only clipboard writes', () => {
    expect(ALLOWED_PERMISSIONS).toEqual(['clipboard-sanitized-write']);
  });
});

describe('trusted IPC sender', () => {
  const event = (url: string, sameFrame = true) => {
    const frame = { url };
    return { senderFrame: frame, sender: { mainFrame: sameFrame ? frame : { url } } } as never;
  };

  it('accepts our own app:// page, with or without a fragment', () => {
    expect(RENDERER_URL).toBe('app://otp-desk/index.html');
    expect(isTrustedSender(event('app://otp-desk/index.html'))).toBe(true);
    expect(isTrustedSender(event('app://otp-desk/index.html#/settings'))).toBe(true);
  });

  it('refuses other pages, file:// pages (even our own file) and subframes', () => {
    expect(isTrustedSender(event('https://evil.example/index.html'))).toBe(false);
    expect(
      isTrustedSender(event('file:///opt/OTP%20Desk/resources/app.asar/dist/renderer/index.html')),
    ).toBe(false);
    expect(isTrustedSender(event('app://evil/index.html'))).toBe(false);
    expect(isTrustedSender(event('app://otp-desk/index.html', false))).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const dir = '/opt/OTP Desk/resources/app.asar/dist/renderer';

  it('is a standard, secure scheme that may fetch its own wasm, and never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });

  it.each([
    ['app://otp-desk/', `${dir}/index.html`],
    ['app://otp-desk/index.html', `${dir}/index.html`],
    ['app://otp-desk/assets/qr-worker-abc.js', `${dir}/assets/qr-worker-abc.js`],
    ['app://otp-desk/assets/zxing_reader.wasm', `${dir}/assets/zxing_reader.wasm`],
    ['app://otp-desk/../main/main.cjs', null],
    ['app://otp-desk/%2e%2e/main/main.cjs', null],
    ['app://otp-desk/assets/..%2f..%2fmain%2fmain.cjs', null],
    ['app://otp-desk/%2e%2e%5cmain.cjs', null],
    ['app://otp-desk/index.html%00.png', null],
    ['app://elsewhere/index.html', null],
    ['file:///etc/passwd', null],
    ['app://otp-desk/notes.txt', null],
  ])('serves %s as %s', (url, expected) => {
    expect(resolveAppFile(dir, url)).toBe(expected);
  });
});

describe('session and web contents handlers', () => {
  function recordPolicy() {
    const recorded: {
      request?: Parameters<PolicySession['setPermissionRequestHandler']>[0];
      check?: Parameters<PolicySession['setPermissionCheckHandler']>[0];
      headers?: Parameters<PolicySession['webRequest']['onHeadersReceived']>[0];
      created?: (event: unknown, contents: PolicyContents) => void;
    } = {};
    const session: PolicySession = {
      setPermissionRequestHandler: (h) => void (recorded.request = h),
      setPermissionCheckHandler: (h) => void (recorded.check = h),
      webRequest: { onHeadersReceived: (h) => void (recorded.headers = h) },
    };
    const app: PolicyApp = { on: (_event, listener) => void (recorded.created = listener) };
    applySecurityPolicy(app, session);
    return recorded;
  }

  it('denies every permission request and check but clipboard writes', () => {
    const { request, check } = recordPolicy();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'usb',
      'serial',
      'display-capture',
    ]) {
      let granted: boolean | undefined;
      request!({}, permission, (g) => (granted = g));
      expect([permission, granted, check!({}, permission)]).toEqual([permission, false, false]);
    }
    let granted: boolean | undefined;
    request!({}, 'clipboard-sanitized-write', (g) => (granted = g));
    expect([granted, check!({}, 'clipboard-sanitized-write')]).toEqual([true, true]);
  });

  it('adds the CSP to every response', () => {
    const { headers } = recordPolicy();
    let sent: Record<string, unknown> = {};
    headers!(
      { responseHeaders: { 'x-a': ['1'] } },
      ({ responseHeaders }) => (sent = responseHeaders),
    );
    expect(sent).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it("leaves DevTools' own pages without the app's CSP (it would blank them)", () => {
    const { headers } = recordPolicy();
    let sent: Record<string, unknown> = {};
    const respond = (url: string) =>
      headers!({ url, responseHeaders: { 'x-a': ['1'] } }, (r) => (sent = r.responseHeaders));
    respond('devtools://devtools/bundled/devtools_app.html');
    expect(sent).toEqual({ 'x-a': ['1'] });
    respond('app://otp-desk/index.html');
    expect(sent).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('stops navigation, redirects and webviews, and opens no window and no outside link', () => {
    const { created } = recordPolicy();
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    created!(
      {},
      {
        on: (event, listener) => void listeners.set(event, listener),
        setWindowOpenHandler: (h) => void (openHandler = h),
      },
    );
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) });
      expect([event, prevented]).toEqual([event, true]);
    }
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('a packaged build', () => {
  it.each([
    [['OTP Desk', '--inspect'], '--inspect'],
    [['OTP Desk', '--inspect-brk=9229'], '--inspect-brk'],
    [['OTP Desk', '--remote-debugging-port=9222'], '--remote-debugging-port'],
    [['OTP Desk', '--remote-debugging-pipe'], '--remote-debugging-pipe'],
    [['OTP Desk', '--js-flags=--expose-gc'], '--js-flags'],
    [['OTP Desk', '-remote-debugging-port=9222'], '--remote-debugging-port'],
    [['OTP Desk.exe', '/remote-debugging-port=9222'], '--remote-debugging-port'],
    [['OTP Desk.exe', '--Remote-Debugging-Port=9222'], '--remote-debugging-port'],
    [['OTP Desk.exe', '/INSPECT'], '--inspect'],
    [['OTP Desk', '-js-flags=--allow-natives-syntax'], '--js-flags'],
    [['OTP Desk', '--hidden'], null],
    [['OTP Desk', 'otpauth://totp/remote-debugging-port?secret=JBSWY3DPEHPK3PXP'], null],
  ])('quits when started with %j', (argv, expected) => {
    expect(forbiddenDebugSwitch(argv)).toBe(expected);
  });

  it('has a minimal menu: no reload, no zoom, no developer tools', () => {
    const roles = (items: readonly MenuItemSpec[]): string[] =>
      items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
    const actions = { showWindow() {}, showPanel() {}, lock() {}, quit() {} };
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      // The start-up menu, and the one the desktop shell replaces it with once the vault is open.
      const shellMenu = roles(appMenuTemplate(platform, actions) as MenuItemSpec[]);
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'zoomIn', 'resetZoom'])
        expect(shellMenu).not.toContain(role);
      const all = roles(minimalMenu(platform));
      expect(all).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'zoomIn', 'resetZoom'])
        expect(all).not.toContain(role);
    }
  });
});
