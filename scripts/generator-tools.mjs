// The code generators' own tools, installed only when a generator runs: buf and protoc-gen-es
// (scripts/gen-migration-proto.mjs) and simple-icons (scripts/gen-brand-icons.mjs). They are not
// devDependencies because they run only after someone edits the .proto or the brand list, while as
// devDependencies every `npm ci` (npm test, npm start, each CI job) wrote their ~4,400 files and
// buf's 95 MB binary: a fresh clone's npm ci took 39.9 s with them, 35.5 s without. buf's install
// script is not needed (its binary comes in a platform package), as it was not as a devDependency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNpm } from './run-npm.mjs';

/** Pinned versions (the generated files in the repository were made with these). */
export const GENERATOR_TOOLS = {
  '@bufbuild/buf': '1.75.0',
  '@bufbuild/protoc-gen-es': '2.13.0',
  'simple-icons': '16.37.0',
};

const installed = (dir, name) => {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version === GENERATOR_TOOLS[name];
  } catch {
    return false;
  }
};

/**
 * Makes sure `names` are in node_modules/.cache/otp-desk-generators at their pinned versions,
 * installing every tool there at once when one is missing or its pin changed (npm prunes what a
 * later install into the folder doesn't name), and returns that folder: its node_modules/.bin has
 * the tools' commands, its node_modules the packages.
 */
export function generatorTools(root, names) {
  const dir = join(root, 'node_modules', '.cache', 'otp-desk-generators');
  if (names.every((name) => installed(dir, name))) return dir;
  const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', dir, ...Object.entries(GENERATOR_TOOLS).map(([name, version]) => `${name}@${version}`)];
  const result = runNpm(args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${result.status}: the generator's tools could not be installed.`);
  return dir;
}
