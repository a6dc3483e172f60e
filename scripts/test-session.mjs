#!/usr/bin/env node
// Runs vitest and Playwright side by side, and prints one closing line with the totals. test.mjs
// starts it through with-keyring.mjs inside a private D-Bus session.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipReport } from './skip-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(process.env.OTP_DESK_TEST_TMP ?? tmpdir(), 'results-'));
const env = { ...process.env, OTP_DESK_TEST_TMP: process.env.OTP_DESK_TEST_TMP ?? work };

// Windows has the package binaries as .cmd files, which Node only starts through a shell.
const windows = process.platform === 'win32';
const bin = (name) => join(root, 'node_modules', '.bin', windows ? `${name}.cmd` : name);
const vitestJson = join(work, 'vitest.json');
const playwrightJson = join(work, 'playwright.json');
// Side by side: each alone left a core idle a sixth of its time (waiting on the CLI, the keychain,
// Syncthing, page loads): vitest 305 CPU-s in 186 s, Playwright 343 CPU-s in 202 s, 388 s one after
// the other; side by side they took 347 s with both cores busy. Playwright's lines are held back
// until vitest is done, so each suite's report reads as one block.
const run = (name, args, suiteEnv, { holdOutput }) => {
  const started = Date.now();
  const child = spawn(bin(name), args, {
    cwd: root,
    stdio: ['ignore', holdOutput ? 'pipe' : 'inherit', holdOutput ? 'pipe' : 'inherit'],
    env: suiteEnv,
    shell: windows,
  });
  const held = [];
  let released = false;
  if (holdOutput) {
    const forward = (stream, target) =>
      stream.on('data', (chunk) => (released ? target.write(chunk) : held.push([target, chunk])));
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
  }
  const done = new Promise((resolve) =>
    child.on('close', (status) =>
      resolve({ status: status ?? 1, seconds: Math.round((Date.now() - started) / 1000) }),
    ),
  );
  return {
    done,
    /** Prints what was held back and lets the rest through as it comes. */
    show() {
      released = true;
      for (const [target, chunk] of held.splice(0)) target.write(chunk);
    },
  };
};
const vitestRun = run(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  env,
  { holdOutput: false },
);
const playwrightRun = run(
  'playwright',
  ['test'],
  { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  { holdOutput: true },
);
const vitest = await vitestRun.done;
console.log(`\n[test] vitest took ${vitest.seconds} s (Playwright beside it)\n`);
playwrightRun.show();
const playwright = await playwrightRun.done;
console.log(`\n[test] playwright took ${playwright.seconds} s (from the same start)\n`);

function totals() {
  let passed = 0,
    failed = 0,
    skipped = 0;
  try {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  } catch {
    failed += 1;
  }
  try {
    const p = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats;
    passed += p.expected + p.flaky;
    failed += p.unexpected;
    skipped += p.skipped;
  } catch {
    failed += 1;
  }
  return { passed, failed, skipped };
}

const t = totals();
// Every skip is listed with its reason; one that tests/skips-allowed.json does not document for
// this platform fails the run, so a suite can't go quiet on a runner without anyone noticing.
const skips = skipReport({
  root,
  vitestJson,
  playwrightJson,
  allowList: join(root, 'tests', 'skips-allowed.json'),
});
const undocumented = skips.filter((s) => !s.reason);
if (skips.length > 0) {
  console.log(`\nskipped (${skips.length}):`);
  for (const s of skips)
    console.log(
      `  ${s.reason ? '-' : '✗'} ${s.file} > ${s.name}: ${s.reason ?? `NOT DOCUMENTED${s.note ? ` (${s.note})` : ''}`}`,
    );
  if (undocumented.length > 0)
    console.log(
      `\n${undocumented.length} skipped for a reason tests/skips-allowed.json does not list for ${process.platform}: fix the cause, or document it there.`,
    );
}
rmSync(work, { recursive: true, force: true });
const ok =
  vitest.status === 0 && playwright.status === 0 && t.failed === 0 && undocumented.length === 0;
console.log(
  `\notp-desk tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${undocumented.length ? ` (${undocumented.length} undocumented)` : ''}`,
);
process.exit(ok ? 0 : 1);
