#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and opens the app. Where Electron's binary
// can't be had, says so in one paragraph and names what works instead.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status === 0 || process.exit(1);

step(['scripts/ensure-deps.mjs']);
step(['scripts/build.mjs']);

const electron = findElectronBinary(root);
if (electron.path) {
  const app = spawn(electron.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(`
OTP Desk is built, but its window can't open here: ${electron.reason}.
What works on this machine:
  - the command line, on the same vault the app uses:  npm run -s cli -- --help
  - the browser preview that the tests use (the real UI in Chrome/Chromium, talking to the real service
    over a loopback bridge):  npm run preview   then open the URL it prints
  - the tests:  npm test
On a machine that can download Electron (or with ELECTRON_MIRROR pointing at a reachable mirror),
npm start opens the app.
`);
  process.exit(1);
}
