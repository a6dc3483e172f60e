import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { prefetchForCommandLine } from './keychain-prefetch.node';

/**
 * `otp-desk` as installed (dist/cli/otp-desk.cjs): loads the CLI bundle beside it with the V8 code
 * cache the build wrote for it (scripts/cli-code-cache.mjs). Node 20 has no module compile cache,
 * and parsing and compiling the 1 MB bundle was a quarter of every `otp-desk code` (`--cpu-prof`:
 * `wrapSafe` 25 of 105 ms); with the cache V8 deserialises what a run already compiled instead.
 * A cache from another Node (another V8) is rejected by V8 itself and the bundle compiles as usual;
 * no cache file: the same. The cache lives beside the code it belongs to, never in a user folder.
 */
// First, so the keychain answers while the bundle below loads.
prefetchForCommandLine(process.argv.slice(2));

const bundle = join(__dirname, 'otp-desk-main.cjs');
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(`${bundle}.v8cache`);
} catch {
  cachedData = undefined;
}
const wrapped = (Module as unknown as { wrap(source: string): string }).wrap(
  readFileSync(bundle, 'utf8'),
);
// No dynamic-import callback: V8 drops it from cached code, so the build turns the bundle's late
// `import('node:…')`s into requires (scripts/build.mjs, requireLateBuiltins).
const script = new Script(wrapped, { filename: bundle, cachedData });
const main = new Module(bundle, module) as Module & { filename: string; paths: string[] };
main.filename = bundle;
main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
  __dirname,
);
(script.runInThisContext() as (...args: unknown[]) => void).call(
  main.exports,
  main.exports,
  createRequire(bundle),
  main,
  bundle,
  __dirname,
);
