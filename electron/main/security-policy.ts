import type { WebPreferences } from 'electron';

/**
 * Every security setting in one place (asserted by tests/unit/security-policy.test.ts).
 * See https://www.electronjs.org/docs/latest/tutorial/security
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // A middle click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

/** The window's preferences: DevTools only in a development build, never in a packaged one. */
export function webPreferencesFor(packaged: boolean, preload: string): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, devTools: !packaged, preload };
}

/**
 * The renderer loads only its own files; workers and wasm come from the app bundle, never a CDN.
 * 'wasm-unsafe-eval' is for zxing's QR reader; no inline styles (React sets styles through the
 * CSSOM, which CSP allows) and no blob: workers (the QR worker is a file of the bundle).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Permissions the renderer may get: writing to the clipboard (copying a code). Everything else is refused. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/** The one answer of both permission handlers (request and check). */
export function permissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}
