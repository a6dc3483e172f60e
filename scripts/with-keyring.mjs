#!/usr/bin/env node
// Runs a command with a throwaway GNOME Keyring Secret Service, for keychain tests.
// Use inside a private bus:  dbus-run-session -- node scripts/with-keyring.mjs npx vitest run tests/integration
// Outside Linux (or without a session bus) it just runs the command against the OS keychain.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-keyring.mjs COMMAND [ARGS...]');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'otp-desk-keyring-'));
// OTP_DESK_THROWAWAY_KEYRING: the preview then uses a throwaway vault too, never the user's own.
const env = { ...process.env, XDG_DATA_HOME: join(work, 'data'), OTP_DESK_TEST_TMP: work, OTP_DESK_THROWAWAY_KEYRING: '1' };
if (process.platform === 'linux' && process.env.DBUS_SESSION_BUS_ADDRESS) {
  const keyring = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { input: 'otp-desk-test\n', env, encoding: 'utf8' });
  if (keyring.status !== 0) console.error('[keyring] gnome-keyring-daemon did not start; keychain tests will fail:', keyring.stderr);
}
// On Windows `npx …` (a .cmd file) starts only through a shell; Node itself needs none.
const shell = process.platform === 'win32' && command !== process.execPath;
const status = spawnSync(command, args, { stdio: 'inherit', env, shell }).status ?? 1;
rmSync(work, { recursive: true, force: true });
process.exit(status);
