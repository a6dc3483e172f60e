import { createRequire } from 'node:module';

// Bundled as CommonJS for the CLI and main (import.meta.url is empty there, __filename is set);
// under vitest's ESM it is the other way round.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

/**
 * The path of a file inside an installed package (e.g. a .wasm we ship instead of fetching it),
 * resolved from our own node_modules: the source tree, a dist/ bundle or app.asar alike.
 */
export function resolvePackageFile(specifier: string): string {
  return requireHere.resolve(specifier);
}

/** Loads a CommonJS file inside an installed package at run time (kept out of the bundles). */
export function requirePackageFile(specifier: string): unknown {
  return requireHere(specifier);
}
