#!/usr/bin/env node
// `npm test`: installs what is missing, builds, then runs unit, integration and e2e tests with the
// type-checks and lint beside them. On Linux the tests run inside a private D-Bus session with
// GNOME Keyring's Secret Service, so keychain tests hit a real keychain and never the user's own.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args, options = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options }).status ?? 1;

/**
 * CPU seconds the whole machine has been busy (Linux /proc/stat; undefined elsewhere). The run's
 * length is its CPU time over the cores, and `time npm test` misses part of it: Chromium's
 * renderers are forked by its zygote and never counted to the test tree (a 4-spec e2e sample:
 * 34.6 CPU-s by getrusage, 62-73 system-wide).
 */
function machineBusySeconds() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}
const busyAtStart = machineBusySeconds();
let phaseStart = Date.now();
/** Prints how long the step since the last one took, so a slow step shows in every run's log. */
const took = (step) => {
  console.log(`[test] ${step} took ${Math.round((Date.now() - phaseStart) / 1000)} s`);
  phaseStart = Date.now();
};
if (run(process.execPath, ['scripts/ensure-deps.mjs', '--test']) !== 0) process.exit(1);
took('setup');
if (run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
took('build');
// The two type-checks and the lint are independent single-threaded jobs. They run beside the
// tests at a lower priority (nice 10), so they take the core time the tests leave idle (waiting on
// the CLI, the keychain, Syncthing) instead of 36 s of their own before the tests start; a check
// that fails is shown when it ends and fails the run. Each keeps an incremental cache in
// node_modules/.cache, so a second run only re-checks what changed.
const cache = join(root, 'node_modules', '.cache', 'otp-desk-checks');
const bin = (name) => join(root, 'node_modules', name);
const checks = [
  ...['node', 'web'].map((project) => ({
    name: `type-check (tsconfig.${project}.json)`,
    args: [bin('typescript/bin/tsc'), '-p', `tsconfig.${project}.json`, '--noEmit', '--incremental', '--tsBuildInfoFile', join(cache, `tsc-${project}.tsbuildinfo`)],
  })),
  { name: 'lint', args: [bin('eslint/bin/eslint.js'), '.', '--cache', '--cache-location', join(cache, 'eslint')] },
];
const checksStart = Date.now();
const checksDone = Promise.all(
  checks.map(
    (check) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, check.args, { cwd: root });
        try {
          setPriority(child.pid, 10);
        } catch {
          // Not allowed here (some containers): the check runs at normal priority.
        }
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code) => {
          if (code !== 0) console.error(`${output}[test] ${check.name} failed (the tests go on; the run will fail)`);
          resolve(code === 0);
        });
      }),
  ),
).then((results) => {
  console.log(`[test] type-checks and lint took ${Math.round((Date.now() - checksStart) / 1000)} s (beside the tests)`);
  return results.every(Boolean);
});

const session = [process.execPath, 'scripts/with-keyring.mjs', process.execPath, 'scripts/test-session.mjs', ...process.argv.slice(2)];
const useDbus = process.platform === 'linux' && spawnSync('which', ['dbus-run-session']).status === 0;
// Asynchronous, so the checks' output keeps flowing while the tests run.
const testsStatus = await new Promise((resolve) => {
  const child = useDbus ? spawn('dbus-run-session', ['--', ...session], { cwd: root, stdio: 'inherit' }) : spawn(session[0], session.slice(1), { cwd: root, stdio: 'inherit' });
  child.on('close', (code) => resolve(code ?? 1));
});
const checksPassed = await checksDone;
if (!checksPassed) console.error('[test] a type-check or the lint failed: see its output above.');
const busyAtEnd = machineBusySeconds();
if (busyAtStart !== undefined && busyAtEnd !== undefined)
  console.log(`[test] the machine was busy ${Math.round(busyAtEnd - busyAtStart)} CPU-s over the whole run (every process on it)`);
process.exit(testsStatus === 0 && checksPassed ? 0 : 1);
