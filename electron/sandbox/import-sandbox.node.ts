import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors';
import type { ImportSource } from '../core/format/importer';
import type { AccountText, AccountTextsResult } from '../core/importers/account-uris';
import type { FileReading, ImportReader } from '../core/importers/import-reader';
import { checkFileSize } from '../core/limits/input-limits';
import type { SandboxRequest, SandboxResponse } from './import-protocol';

/** How much one file may cost the worker: its V8 heap and its time. */
export interface SandboxLimits {
  /** V8 heap cap of the worker (old plus young generation), in MB. */
  readonly memoryMb: number;
  /** Time one file (or one paste) may take, in ms. */
  readonly timeMs: number;
}

/** 256 MB and 15 s: a real export needs a few MB and well under a second. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { memoryMb: 256, timeMs: 15_000 };

export interface ImportSandboxOptions {
  /** The bundled worker (dist/sandbox/import-worker.cjs next to the CLI, main and bridge bundles). */
  readonly workerPath?: string;
  readonly limits?: Partial<SandboxLimits>;
  /** An idle worker is stopped after this long (ms), so the app holds no parser between imports. */
  readonly idleMs?: number;
}

// Bundled as CommonJS (dist/<part>/x.cjs, __dirname set); under vitest's ESM, import.meta.url.
const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** Where the build puts the worker: dist/sandbox/, beside dist/cli, dist/main and dist/bridge. */
export function defaultImportWorkerPath(): string {
  return join(here, '..', 'sandbox', 'import-worker.cjs');
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Runs every importer in a worker_threads worker with a memory cap and a time limit (the same
 * module in Electron main, the CLI and the test bridge). A file that exceeds either costs one
 * message, never the process; the worker is then replaced. Requests run one at a time.
 */
export class ImportSandbox implements ImportReader {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly limits: SandboxLimits;

  constructor(private readonly options: ImportSandboxOptions = {}) {
    this.limits = { ...DEFAULT_SANDBOX_LIMITS, ...options.limits };
  }

  async readFile(source: ImportSource, password?: string): Promise<FileReading> {
    checkFileSize(source.fileName, source.bytes.length); // refused before a byte is copied to the worker
    const request = {
      id: this.nextId++,
      op: 'file',
      source,
      ...(password === undefined ? {} : { password }),
    } as const;
    return this.enqueue(request, source.fileName) as Promise<FileReading>;
  }

  readTexts(items: readonly AccountText[]): Promise<AccountTextsResult> {
    return this.enqueue(
      { id: this.nextId++, op: 'texts', items },
      'the pasted or scanned text',
    ) as Promise<AccountTextsResult>;
  }

  /** Stops the worker (it is started again by the next request). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private enqueue(request: SandboxRequest, what: string): Promise<unknown> {
    const run = this.queue.then(() => this.exec(request, what));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private spawn(): Worker {
    clearTimeout(this.idleTimer);
    if (this.worker) return this.worker;
    const path = this.options.workerPath ?? defaultImportWorkerPath();
    // A missing bundle is a build problem, not the user's file: say so plainly (run `npm run build`).
    if (!existsSync(path))
      throw new Error(`The import worker ${path} is missing; build OTP Desk again.`);
    const worker = new Worker(path, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(this.limits.memoryMb / 8)),
      },
      env: {}, // nothing of main's environment (paths, tokens) is visible to parsers
      execArgv: [],
      stdout: true, // a parser's console output never reaches the CLI's stdout
      stderr: true,
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private exec(request: SandboxRequest, what: string): Promise<unknown> {
    const worker = this.spawn();
    return new Promise((resolve, reject) => {
      const finish = (outcome: () => void, keepWorker: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (!keepWorker) this.discard(worker);
        else this.scheduleIdleStop();
        outcome();
      };
      const onMessage = (response: SandboxResponse) => {
        if (response.id !== request.id) return;
        if (response.ok) finish(() => resolve(response.value), true);
        else if (response.kind === 'unexpected') finish(() => reject(unreadable(what)), false);
        else finish(() => reject(new UserError(response.kind, response.message)), true);
      };
      const onError = (error: Error & { code?: string }) => {
        const tooBig = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish(
          () => reject(tooBig ? outOfMemory(what, this.limits.memoryMb) : unreadable(what)),
          false,
        );
      };
      const onExit = () => finish(() => reject(unreadable(what)), false);
      const timer = setTimeout(
        () => finish(() => reject(tooSlow(what, this.limits.timeMs)), false),
        this.limits.timeMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate().catch(() => undefined);
  }

  private scheduleIdleStop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? 30_000);
    this.idleTimer.unref?.();
  }
}

function tooSlow(what: string, ms: number): UserError {
  return new UserError(
    'invalid-input',
    `Reading ${what} took longer than ${seconds(ms)} to read, so OTP Desk stopped: it is not an export OTP Desk can read. Nothing was imported.`,
  );
}

function outOfMemory(what: string, mb: number): UserError {
  return new UserError(
    'invalid-input',
    `Reading ${what} needed more than ${mb} MB of memory to read, so OTP Desk stopped: it is damaged or not an export OTP Desk can read. Nothing was imported.`,
  );
}

function unreadable(what: string): UserError {
  return new UserError(
    'invalid-input',
    `OTP Desk could not read ${what}: the importer failed on it. Nothing was imported; if the file came from an authenticator app, export it again.`,
  );
}
