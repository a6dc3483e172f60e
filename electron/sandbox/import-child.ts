import { SANDBOX_IMPORTERS } from './sandbox-importers';
import { serveImports } from './serve-imports';

/**
 * The import sandbox's child process: every importer, image decoding, sql.js and a file's KDFs run
 * here. Started by import-sandbox.node.ts as a Node child under the permission model (it may read
 * only its own code and wasm: the file's bytes arrive in the message) or by Electron main as a
 * utilityProcess; either way its parent kills it past a memory or time cap.
 */
serveImports(SANDBOX_IMPORTERS);
