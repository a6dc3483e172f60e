#!/usr/bin/env node
// Release on macOS: the universal app joins an x64 and an arm64 build packed from one node_modules,
// so it must hold the prebuilt native packages of both architectures (sharp's @img/*). npm installs
// only the host's, and a second `npm install --cpu=…` may prune what the first added. This installs
// every darwin x64/arm64 package of the app's production dependencies at the version the lockfile
// pins (never a newer sharp), in one npm call, then checks each one is there.
//   node scripts/mac-natives.mjs          install them (package.json and the lockfile untouched)
//   node scripts/mac-natives.mjs --list   print them, one path a line
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNpm } from './run-npm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = (args, options = {}) => runNpm(args, { cwd: root, ...options });

/** node_modules paths of the app's production dependencies for every platform, as `npm ls` reads the lockfile. */
export function productionPaths() {
  const result = npm(['ls', '--package-lock-only', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => relative(root, line).split(sep).join('/'))
    .filter((path) => path.startsWith('node_modules/'));
}

/** The darwin x64 and arm64 packages among them, with the versions the lockfile pins. */
export function macNativePackages(paths = productionPaths()) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return paths
    .map((path) => ({ path, entry: lock.packages[path] }))
    .filter(({ entry }) => entry?.os?.includes('darwin') && entry.cpu?.some((cpu) => cpu === 'x64' || cpu === 'arm64'))
    .map(({ path, entry }) => ({ path, name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version, cpu: entry.cpu }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const packages = macNativePackages();
  if (process.argv.includes('--list')) {
    for (const p of packages) console.log(p.path);
    process.exit(0);
  }
  if (packages.length === 0) {
    console.error('[mac-natives] npm ls found no darwin native packages; is the lockfile there?');
    process.exit(1);
  }
  // --force passes npm's os/cpu check for the other architecture; --no-save leaves package.json alone.
  const specs = packages.map((p) => `${p.name}@${p.version}`);
  console.log(`[mac-natives] npm install ${specs.join(' ')}`);
  const install = npm(['install', '--no-save', '--force', '--no-audit', '--no-fund', ...specs], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
  const missing = packages.filter((p) => !existsSync(join(root, p.path, 'package.json')));
  if (missing.length > 0) {
    console.error(`[mac-natives] still missing after install: ${missing.map((p) => p.path).join(', ')}`);
    process.exit(1);
  }
}
