import { extname, isAbsolute, join, normalize, relative } from 'node:path';

/**
 * The renderer is served from `app://otp-desk/…` instead of file://, so it has a real origin
 * ('self' in the CSP means the app bundle only), file:// pages can't reach the API, and every
 * path is checked to stay inside the renderer folder.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'otp-desk';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin that may fetch its own .wasm and start workers. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  allowServiceWorkers: false,
  bypassCSP: false,
  corsEnabled: false,
  stream: false,
} as const;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The Content-Type for a file the app serves (unknown kinds are refused by resolveAppFile). */
export function contentTypeOf(path: string): string | undefined {
  return TYPES[extname(path).toLowerCase()];
}

/**
 * The file inside `rendererDir` that an app:// URL names, or null for anything else: another
 * host, a path escaping the folder (`..`, encoded or not), a NUL byte, or an unknown file type.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
  const inside = relative(rendererDir, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return contentTypeOf(file) ? file : null;
}
