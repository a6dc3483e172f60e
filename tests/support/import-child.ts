import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleForNode } from './node-bundle';

const built = new Map<string, Promise<string>>();

/**
 * A sandbox child entry bundled as scripts/build.mjs bundles it (CommonJS, native and .wasm
 * packages external), into a fresh folder under dist/, once per test file: a child process cannot
 * run TypeScript. Default: the real child, electron/sandbox/import-child.ts.
 */
export function buildImportChild(
  entry = '../../electron/sandbox/import-child.ts',
): Promise<string> {
  const source = resolve(__dirname, entry);
  let outfile = built.get(source);
  if (!outfile) {
    mkdirSync(resolve(__dirname, '../../dist'), { recursive: true });
    // Inside the checkout (dist/ is ignored), so the external packages resolve from our node_modules.
    const folder = mkdtempSync(resolve(__dirname, '../../dist/test-sandbox-'));
    outfile = bundleForNode(source, join(folder, 'import-child.cjs'));
    built.set(source, outfile);
  }
  return outfile;
}
