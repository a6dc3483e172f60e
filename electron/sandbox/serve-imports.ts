import { isUserError } from '../core/errors';
import type { Importer } from '../core/format/importer';
import { inProcessReader } from '../core/importers/import-reader';
import type { SandboxRequest, SandboxResponse } from './import-protocol';

/** Electron's utilityProcess talks through process.parentPort, a Node child through process.send. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: SandboxRequest }) => void): void;
  postMessage(message: SandboxResponse): void;
}

/**
 * Answers the parent's import requests with `importers`, in the sandbox's child process: drafts
 * (plain data) or a UserError's kind and text, nothing else.
 */
export function serveImports(importers: readonly Importer[]): void {
  const reader = inProcessReader(importers);
  const answer = async (request: SandboxRequest): Promise<SandboxResponse> => {
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
  };
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    parentPort.on(
      'message',
      ({ data }) => void answer(data).then((r) => parentPort.postMessage(r)),
    );
    return;
  }
  process.on('message', (request: SandboxRequest) => {
    void answer(request).then((response) => process.send?.(response));
  });
  // The parent went away (closed the channel or died): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
}
