#!/usr/bin/env node
// `npm run test:soak`: the fuzz targets of tests/unit/fuzz with 100,000 inputs each (npm test runs
// 2,000). OTP_DESK_FUZZ_RUNS overrides the count; a failure prints fast-check's seed to replay it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.OTP_DESK_FUZZ_RUNS ?? '100000';
console.log(`otp-desk: fuzzing every target with ${runs} inputs`);
const vitest = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const result = spawnSync(vitest, ['run', 'tests/unit/fuzz', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OTP_DESK_FUZZ_RUNS: runs },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
