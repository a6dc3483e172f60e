import { parentPort } from 'node:worker_threads';
import { NODE_IMPORTERS } from '../adapters/node-importers.node';
import { isUserError } from '../core/errors';
import { inProcessReader } from '../core/importers/import-reader';
import type { SandboxRequest, SandboxResponse } from './import-protocol';

/**
 * The import sandbox's worker: every importer, image decoding and sql.js run here, under the memory
 * cap and time limit import-sandbox.node.ts sets. It holds no secret of main (its own V8 heap, an
 * empty environment) and answers each request with drafts or a UserError's text.
 */
const reader = inProcessReader(NODE_IMPORTERS);

async function answer(request: SandboxRequest): Promise<SandboxResponse> {
  try {
    const value =
      request.op === 'file'
        ? await reader.readFile(request.source, request.password)
        : await reader.readTexts(request.items);
    return { id: request.id, ok: true, value };
  } catch (error) {
    if (isUserError(error))
      return { id: request.id, ok: false, kind: error.kind, message: error.message };
    // A bug's text may echo the input (a secret): main gets only the fact.
    return { id: request.id, ok: false, kind: 'unexpected' };
  }
}

parentPort?.on('message', (request: SandboxRequest) => {
  void answer(request).then((response) => parentPort?.postMessage(response));
});
