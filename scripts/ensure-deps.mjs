#!/usr/bin/env node
// Installs what a fresh clone needs before building or testing. Plain Node, no dependencies.
//   node scripts/ensure-deps.mjs          system packages for building keytar, then node modules
//   node scripts/ensure-deps.mjs --test   also the Linux test services (Secret Service, D-Bus, Chromium, oracles)
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNpm } from './run-npm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--test');

/** Debian packages by purpose; dpkg names, so the check is exact. */
const BUILD_PACKAGES = ['libsecret-1-dev'];
const TEST_PACKAGES = ['gnome-keyring', 'dbus-daemon', 'chromium', 'oathtool', 'zbar-tools', 'fonts-dejavu-core', 'keepassxc', 'libglib2.0-bin', 'age', 'openssh-client', 'syncthing'];

function log(message) {
  console.log(`[setup] ${message}`);
}

function missingDebianPackages(names) {
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function ensureSystemPackages() {
  if (process.platform !== 'linux' || spawnSync('which', ['dpkg-query']).status !== 0) {
    if (forTests && process.platform !== 'linux') log('Not Linux: keychain tests use the OS keychain as it is; e2e needs Chrome/Chromium at $CHROME_PATH.');
    return;
  }
  // A browser at $CHROME_PATH (CI's Playwright Chromium on Ubuntu, which has no chromium deb) replaces the package.
  const testPackages = process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH) ? TEST_PACKAGES.filter((name) => name !== 'chromium') : TEST_PACKAGES;
  const missing = missingDebianPackages(forTests ? [...BUILD_PACKAGES, ...testPackages] : BUILD_PACKAGES);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`[setup] Missing system packages: ${missing.join(', ')}.\n[setup] Install them with:\n  sudo ${command.replace('&& apt-get', '&& sudo apt-get')}`);
    process.exit(1);
  }
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

/** What the installed tree must match: the lockfile (script edits in package.json don't need a reinstall). */
function lockDigest() {
  const hash = createHash('sha256');
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  hash.update(JSON.stringify([pkg.dependencies, pkg.devDependencies, pkg.allowScripts]));
  return hash.digest('hex');
}

function ensureNodeModules() {
  const stamp = join(root, 'node_modules', '.otp-desk-install');
  const digest = lockDigest();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  // --prefer-offline: what npm's cache holds is used without asking the registry whether it changed
  // (the lockfile pins every version and its checksum); a fresh machine downloads as before. A
  // second clone on one machine: npm ci 50-55 -> 43-46 s, 37-40 -> 28-30 CPU-s.
  const args = [...(existsSync(join(root, 'package-lock.json')) ? ['ci'] : ['install']), '--no-audit', '--no-fund', '--prefer-offline'];
  log(`npm ${args[0]} (node modules missing or out of date)`);
  // JOBS: node-gyp compiles keytar (no prebuilt reaches some machines) on every core: 6.9 -> 4.1 s on two.
  const result = runNpm(args, { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', JOBS: process.env.JOBS ?? 'max' } });
  if (result.error) console.error(`[setup] npm ${args[0]} could not start: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, digest);
}

ensureSystemPackages();
ensureNodeModules();
