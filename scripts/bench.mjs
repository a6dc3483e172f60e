#!/usr/bin/env node
// `npm run bench`: builds, then runs the benchmarks inside a private Secret Service (Linux) so the
// keychain figures come from a real keychain. Timings are printed as ratios, never asserted.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (run(process.execPath, ['scripts/ensure-deps.mjs', '--test']) !== 0) process.exit(1);
if (run(process.execPath, ['scripts/build.mjs']) !== 0 || run(process.execPath, ['scripts/build.mjs', 'bench']) !== 0) process.exit(1);
const bench = [process.execPath, 'scripts/with-keyring.mjs', process.execPath, 'dist/bench/run-bench.cjs'];
const useDbus = process.platform === 'linux' && spawnSync('which', ['dbus-run-session']).status === 0;
process.exit(useDbus ? run('dbus-run-session', ['--', ...bench]) : run(bench[0], bench.slice(1)));
