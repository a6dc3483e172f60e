#!/usr/bin/env node
// `npm run test:changed [-- REF]`: only the tests a change touches, for a quick check while working.
// vitest --changed runs the test files that import a changed file (uncommitted changes, or those
// since REF); Playwright's --only-changed runs the changed spec files and those importing changed
// files. Builds first (the CLI and e2e tests use dist/), and runs inside the same private keyring
// session as npm test. `npm test` is still the check before a commit.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ref = process.argv[2];
const node = process.execPath;
const session = (tool, args) => [node, 'scripts/with-keyring.mjs', node, join(root, 'node_modules', ...tool), ...args];
const useDbus = process.platform === 'linux' && spawnSync('which', ['dbus-run-session']).status === 0;
const run = ([command, ...args]) =>
  (useDbus
    ? spawnSync('dbus-run-session', ['--', command, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  ).status ?? 1;

if (spawnSync(node, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const changed = ref ? [`--changed=${ref}`] : ['--changed'];
const vitest = run(session(['vitest', 'vitest.mjs'], ['run', ...changed, '--passWithNoTests']));
const onlyChanged = ref ? [`--only-changed=${ref}`] : ['--only-changed'];
const playwright = run(session(['@playwright', 'test', 'cli.js'], ['test', ...onlyChanged, '--pass-with-no-tests']));
process.exit(vitest === 0 && playwright === 0 ? 0 : 1);
