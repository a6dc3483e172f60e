#!/usr/bin/env node
// `npm run bench`: builds, then runs the benchmarks inside a private Secret Service (Linux) so the
// keychain figures come from a real keychain. Timings are printed as ratios, never asserted.
// `npm run -s bench -- --json` prints one JSON object of numbers and nothing else on stdout
// (build and progress output go to stderr); `--only qr,codes` runs some parts (vault, codes, qr, cli, ui, browser).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
// In --json mode everything but the bench's own JSON goes to stderr.
const quiet = ['inherit', json ? 2 : 'inherit', 'inherit'];
const run = (command, argv, stdio = quiet) => spawnSync(command, argv, { cwd: root, stdio }).status ?? 1;

if (run(process.execPath, ['scripts/ensure-deps.mjs', '--test']) !== 0) process.exit(1);
if (run(process.execPath, ['scripts/build.mjs']) !== 0 || run(process.execPath, ['scripts/build.mjs', 'bench']) !== 0) process.exit(1);
const bench = [process.execPath, 'scripts/with-keyring.mjs', process.execPath, 'dist/bench/run-bench.cjs', ...args];
const useDbus = process.platform === 'linux' && spawnSync('which', ['dbus-run-session']).status === 0;
process.exit(useDbus ? run('dbus-run-session', ['--', ...bench], 'inherit') : run(bench[0], bench.slice(1), 'inherit'));
