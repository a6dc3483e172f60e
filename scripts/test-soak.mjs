#!/usr/bin/env node
// `npm run test:soak`: the long loops at full size (npm test runs a representative slice of each):
// the fuzz targets of tests/unit/fuzz with 100,000 inputs each (npm test: 2,000; OTP_DESK_FUZZ_RUNS
// overrides; a failure prints fast-check's seed to replay it), and with OTP_DESK_SOAK=1 the vault
// concurrency file (20 rounds of 8 × 25 writers, 200 SIGKILLs; npm test: 2 and 20) and the SIGKILLs
// during a password change (30; npm test: 2), the changes synced through Syncthing (200 each way;
// npm test: 60), and Ente Auth's real export KDF (Argon2id 256 MiB × 16; npm
// test: 288 MiB × 1) through otp-desk import, sync follow and the app. The keychain files run inside a private D-Bus session
// with a throwaway GNOME Keyring, as npm test does. The GitHub workflow runs this nightly.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.OTP_DESK_FUZZ_RUNS ?? '100000';
const env = { ...process.env, OTP_DESK_FUZZ_RUNS: runs, OTP_DESK_SOAK: '1' };
// vitest's own entry script, so no .cmd shim (and no shell) is needed on Windows.
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const SOAK_FILES = ['tests/unit/fuzz', 'tests/integration/vault-concurrency.test.ts', 'tests/integration/cli-password.test.ts', 'tests/integration/follow-sandbox.test.ts', 'tests/integration/sync-syncthing.test.ts'];

if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
console.log(`otp-desk: soak: fuzzing every target with ${runs} inputs, and the kill and writer loops at full size`);
const session = [process.execPath, 'scripts/with-keyring.mjs', process.execPath, vitest, 'run', ...SOAK_FILES, ...process.argv.slice(2)];
const useDbus = process.platform === 'linux' && spawnSync('which', ['dbus-run-session']).status === 0;
const result = useDbus
  ? spawnSync('dbus-run-session', ['--', ...session], { cwd: root, stdio: 'inherit', env })
  : spawnSync(session[0], session.slice(1), { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
