import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleForNode } from './node-bundle';

let built: Promise<string> | undefined;

/**
 * The import sandbox's worker bundled as scripts/build.mjs bundles it (CommonJS, native and .wasm
 * packages external), into a fresh folder under dist/, once per test file: worker_threads cannot run TypeScript.
 */
export function buildImportWorker(): Promise<string> {
  built ??= (async () => {
    mkdirSync(resolve(__dirname, '../../dist'), { recursive: true });
    // Inside the checkout (dist/ is ignored), so the external packages resolve from our node_modules.
    const outfile = join(
      mkdtempSync(resolve(__dirname, '../../dist/test-worker-')),
      'import-worker.cjs',
    );
    return bundleForNode(resolve(__dirname, '../../electron/sandbox/import-worker.ts'), outfile);
  })();
  return built;
}
