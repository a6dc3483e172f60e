#!/usr/bin/env node
// `npm test`: installs what is missing, builds, type-checks, then runs unit, integration and
// e2e tests. On Linux the tests run inside a private D-Bus session with GNOME Keyring's
// Secret Service, so keychain tests hit a real keychain and never the user's own.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, options = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options }).status ?? 1;
// Windows has npm as npm.cmd, which Node only starts through a shell.
const npmRun = (script) => run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', script], { shell: process.platform === 'win32' });

if (run(process.execPath, ['scripts/ensure-deps.mjs', '--test']) !== 0) process.exit(1);
if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
if (npmRun('typecheck') !== 0) {
  console.error('[test] type-check failed');
  process.exit(1);
}
if (npmRun('lint') !== 0) {
  console.error('[test] lint failed');
  process.exit(1);
}

const session = [process.execPath, 'scripts/with-keyring.mjs', process.execPath, 'scripts/test-session.mjs', ...process.argv.slice(2)];
const useDbus = process.platform === 'linux' && spawnSync('which', ['dbus-run-session']).status === 0;
process.exit(useDbus ? run('dbus-run-session', ['--', ...session]) : run(session[0], session.slice(1)));
