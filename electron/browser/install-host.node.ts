import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../core/errors';
import { CHROMIUM_EXTENSION_ORIGIN, FIREFOX_EXTENSION_ID } from './extension-id';
import { NATIVE_HOST_NAME } from './protocol';
import { browserSocketPath } from './socket-path.node';

export const BROWSERS = ['chrome', 'chromium', 'edge', 'brave', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

/** Each browser's own folder (its user-level config) and where it reads native host manifests. */
function browserDirs(browser: BrowserName, platform: NodeJS.Platform, home: string): { config: string; hosts: string } {
  const mac = join(home, 'Library', 'Application Support');
  const linux = process.env['XDG_CONFIG_HOME'] || join(home, '.config');
  const base: Record<BrowserName, string> =
    platform === 'darwin'
      ? { chrome: join(mac, 'Google', 'Chrome'), chromium: join(mac, 'Chromium'), edge: join(mac, 'Microsoft Edge'), brave: join(mac, 'BraveSoftware', 'Brave-Browser'), firefox: join(mac, 'Mozilla') }
      : { chrome: join(linux, 'google-chrome'), chromium: join(linux, 'chromium'), edge: join(linux, 'microsoft-edge'), brave: join(linux, 'BraveSoftware', 'Brave-Browser'), firefox: join(home, '.mozilla') };
  const hosts = browser === 'firefox' ? join(base.firefox, platform === 'darwin' ? 'NativeMessagingHosts' : 'native-messaging-hosts') : join(base[browser], 'NativeMessagingHosts');
  return { config: base[browser], hosts };
}

/** Windows finds native hosts through the registry, not folders. */
const WINDOWS_KEYS: Record<BrowserName, string> = {
  chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
  chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
  edge: 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts',
  brave: 'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts',
  firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
};

/** The host manifest: only our extension may start the host (allowed_origins / allowed_extensions). */
export function hostManifest(browser: BrowserName, launcher: string): Record<string, unknown> {
  const common = { name: NATIVE_HOST_NAME, description: 'OTP Desk: fills one-time codes into the page they belong to', path: launcher, type: 'stdio' };
  return browser === 'firefox' ? { ...common, allowed_extensions: [FIREFOX_EXTENSION_ID] } : { ...common, allowed_origins: [CHROMIUM_EXTENSION_ORIGIN] };
}

export interface InstallHostOptions {
  readonly vaultDir: string;
  /** dist/browser-host/host.cjs. */
  readonly hostScript: string;
  /** The Node binary that runs the host script. */
  readonly nodePath: string;
  readonly browsers: readonly BrowserName[];
  /** A Chromium-family user data dir (the tests' own profile) instead of the user's browser folders. */
  readonly profileDir?: string;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

async function writeAtomically(path: string, text: string, mode = 0o644): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, text, { mode });
  await chmod(temp, mode);
  await rename(temp, path);
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Writes the launcher (beside the vault: it names this vault's socket) and one host manifest per
 * browser. Without a profile, browsers whose folder does not exist are skipped. Returns the
 * manifests written.
 */
export async function installHost(options: InstallHostOptions): Promise<string[]> {
  const platform = options.platform ?? process.platform;
  const home = options.home ?? homedir();
  if (!existsSync(options.hostScript)) throw new UserError('not-found', `The browser host is missing (${options.hostScript}). Build OTP Desk first (npm run build).`);
  if (options.profileDir && options.browsers.includes('firefox')) throw new UserError('invalid-input', 'Firefox reads native hosts only from its own folder; install for Firefox without --profile.');
  const socket = browserSocketPath(options.vaultDir);
  const hostDir = join(options.vaultDir, 'browser-host');
  const launcher = join(hostDir, platform === 'win32' ? 'otp-desk-browser-host.cmd' : 'otp-desk-browser-host');
  await writeAtomically(
    launcher,
    platform === 'win32'
      ? `@echo off\r\nset "OTP_DESK_BROWSER_SOCKET=${socket}"\r\n"${options.nodePath}" "${options.hostScript}" %*\r\n`
      : `#!/bin/sh\n# Started by the browser for the OTP Desk extension; relays to the running app.\nOTP_DESK_BROWSER_SOCKET=${quote(socket)} exec ${quote(options.nodePath)} ${quote(options.hostScript)} "$@"\n`,
    0o755,
  );
  const written: string[] = [];
  for (const browser of options.browsers) {
    const dir = options.profileDir ? join(options.profileDir, 'NativeMessagingHosts') : platform === 'win32' ? join(hostDir, browser) : browserDirs(browser, platform, home).hosts;
    if (!options.profileDir && platform !== 'win32' && !existsSync(browserDirs(browser, platform, home).config)) continue;
    const manifestPath = join(dir, `${NATIVE_HOST_NAME}.json`);
    await writeAtomically(manifestPath, JSON.stringify(hostManifest(browser, launcher), null, 2) + '\n');
    if (platform === 'win32' && !options.profileDir) {
      await promisify(execFile)('reg', ['add', `${WINDOWS_KEYS[browser]}\\${NATIVE_HOST_NAME}`, '/ve', '/t', 'REG_SZ', '/d', manifestPath, '/f']);
    }
    written.push(manifestPath);
  }
  return written;
}
