import { createHash } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the running app listens for the native host: a Unix socket in the user's runtime
 * folder (0700, the socket itself 0600), or a named pipe on Windows (the default pipe ACL
 * admits only the creating user, SYSTEM and administrators). One per vault folder, so a test
 * vault and the real one never answer for each other.
 */
export function browserSocketPath(vaultDir: string): string {
  const tag = createHash('sha256').update(resolve(vaultDir)).digest('hex').slice(0, 12);
  if (process.platform === 'win32') return `\\\\.\\pipe\\otp-desk-browser-${userInfo().username}-${tag}`;
  const runtime = process.env['XDG_RUNTIME_DIR'] || join(tmpdir(), `otp-desk-${userInfo().uid}`);
  return join(runtime, 'otp-desk', `browser-${tag}.sock`);
}
