import { isUserError } from '../core/errors';
import type { Importer } from '../core/format/importer';
import { inProcessReader } from '../core/importers/import-reader';
import { setKdfAnnouncer } from '../core/limits/kdf-cost';
import type { SandboxRequest, SandboxResponse } from './import-protocol';

/** Electron's utilityProcess talks through process.parentPort, a Node child through process.send. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: SandboxRequest }) => void): void;
  postMessage(message: SandboxResponse): void;
}

/**
 * Answers the parent's import requests with `importers`, in the sandbox's child process: drafts
 * (plain data) or a UserError's kind and text, nothing else. Requests come one at a time; a KDF a
 * file declares is announced to the parent first, and runs once the parent granted room for it.
 */
export function serveImports(importers: readonly Importer[]): void {
  const reader = inProcessReader(importers);
  let current = 0;
  let granted: (() => void) | undefined;
  const answer = async (request: SandboxRequest & { op: 'file' | 'texts' }): Promise<SandboxResponse> => {
    current = request.id;
    try {
      const value =
        request.op === 'file'
          ? await reader.readFile(request.source, request.password, request.options)
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
  const post = (message: SandboxResponse) =>
    parentPort ? parentPort.postMessage(message) : process.send?.(message);
  setKdfAnnouncer(
    (cost) =>
      new Promise<void>((resolve) => {
        granted = resolve;
        post({ id: current, op: 'kdf', cost });
      }),
  );
  const receive = (request: SandboxRequest) => {
    if (request.op === 'kdf-granted') {
      if (request.id === current) granted?.();
      return;
    }
    void answer(request).then(post);
  };
  if (parentPort) {
    parentPort.on('message', ({ data }) => receive(data));
    return;
  }
  process.on('message', receive);
  // The parent went away (closed the channel or died): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
}
