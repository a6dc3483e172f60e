import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry into one CommonJS file for a child process or worker thread (neither
 * runs TypeScript), as scripts/build.mjs bundles the app's Node parts: native modules, Electron and
 * packages that find their own .wasm stay external, so `outfile` must sit inside the checkout (under
 * dist/, which git ignores) for them to resolve from our node_modules. Returns `outfile`.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'keytar', 'sharp', 'sql.js', 'zxing-wasm', '@techstark/opencv-js'],
    logLevel: 'error',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return outfile;
}
