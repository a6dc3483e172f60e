#!/usr/bin/env node
// Writes dist/cli/otp-desk-main.cjs.v8cache: the V8 code cache electron/cli/otp-desk-start.ts loads
// the CLI bundle with. Run by scripts/build.mjs after the CLI is built, in a child process so the
// cache holds what a real start compiles: this compiles the bundle the way the loader does, runs
// `otp-desk code` against a vault folder that does not exist (every module's start-up and the
// command's path up to opening the vault; no keychain or vault touched), then saves V8's code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = process.argv[2];
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle });
const scratch = mkdtempSync(join(tmpdir(), 'otp-desk-code-cache-'));
process.argv = [process.argv[0], bundle, '--vault', join(scratch, 'none'), 'code', 'cache'];
process.on('exit', () => {
  writeFileSync(`${bundle}.v8cache`, script.createCachedData());
  rmSync(scratch, { recursive: true, force: true });
  process.exitCode = 0;
});
const main = new Module(bundle);
main.filename = bundle;
main.paths = Module._nodeModulePaths(dirname(bundle));
script.runInThisContext().call(main.exports, main.exports, createRequire(bundle), main, bundle, dirname(bundle));
