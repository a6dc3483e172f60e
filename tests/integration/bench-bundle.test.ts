import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

// `npm run bench` runs the benchmarks from one CommonJS bundle of tests/bench and the test helpers
// it shares. A helper that located files from import.meta.url (empty in that bundle) once made every
// bench run die on load with "Invalid URL" while every test stayed green; the bench itself is minutes
// long, so this loads the bundle and asks for a part that does not exist.
it('the bench bundle builds and loads: an unknown part gets the list of parts, not a crash', () => {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'bench'], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const run = spawnSync(process.execPath, ['dist/bench/run-bench.cjs', '--only', 'no-such-part'], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toContain('unknown bench part no-such-part; parts: codes, vault, qr');
  expect(run.status).toBe(1);
});
