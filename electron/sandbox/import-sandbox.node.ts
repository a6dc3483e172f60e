import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors';
import type { ImportSource } from '../core/format/importer';
import type { AccountText, AccountTextsResult } from '../core/importers/account-uris';
import type { FileReading, ImportReader, ReadFileOptions } from '../core/importers/import-reader';
import { checkFileSize } from '../core/limits/input-limits';
import { kdfNeed } from '../core/limits/kdf-cost';
import type { SandboxAnswer, SandboxRequest } from './import-protocol';
import { isAnswerTo, isImportError } from './sandbox-answer';
import { launchNodeChild } from './node-child.node';
import type { LaunchSandboxChild, SandboxChild, SandboxLimits } from './sandbox-child';

export type { SandboxLimits } from './sandbox-child';

/** 256 MB resident and 15 s: a real export needs a few MB and well under a second. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { memoryMb: 256, timeMs: 15_000 };

/**
 * Time a KDF may take per GiB of memory passed over (Argon2: memory × passes), on top of the time
 * cap: hash-wasm's Argon2id does a GiB-pass in about 1.3-5 s on one shared core, so 10 s leaves room
 * for a slow or busy machine. The largest work the limits accept (8 GiB-passes) gets 80 s more.
 */
export const KDF_MS_PER_GIB_PASS = 10_000;

/** A child whose CPU time is read may take this many times its time cap on the clock. */
const WALL_SLACK = 4;

export interface ImportSandboxOptions {
  /** The bundled child (dist/sandbox/import-child.cjs next to the CLI, main and bridge bundles). */
  readonly childPath?: string;
  readonly limits?: Partial<SandboxLimits>;
  /** An idle child is stopped after this long (ms), so the app holds no parser between imports. */
  readonly idleMs?: number;
  /** How the child is started: a Node child process (default) or Electron's utilityProcess. */
  readonly launch?: LaunchSandboxChild;
  /** How often the child's resident memory is read while it works (ms). */
  readonly pollMs?: number;
  /** Time a declared KDF adds per GiB-pass (default KDF_MS_PER_GIB_PASS); tests shorten it. */
  readonly kdfMsPerGibPass?: number;
}

// Bundled as CommonJS (dist/<part>/x.cjs, __dirname set); under vitest's ESM, import.meta.url.
const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** Where the build puts the child: dist/sandbox/, beside dist/cli, dist/main and dist/bridge. */
export function defaultImportChildPath(): string {
  return join(here, '..', 'sandbox', 'import-child.cjs');
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** A child that ends itself this way ran out of V8 heap (--max-old-space-size): V8 aborts. */
const isAbort = (code: number | null, signal: string | null) =>
  signal === 'SIGABRT' || code === 134 || code === 3221226505; // Windows: STATUS_STACK_BUFFER_OVERRUN

interface Running {
  readonly request: SandboxRequest;
  readonly what: string;
  settle(outcome: { response: SandboxAnswer } | { error: UserError }): void;
  /** The child announced a KDF the file declares: room is made for it (once checked) before it runs. */
  grantKdf(cost: unknown): void;
}

/**
 * Runs every importer in a child process (the same module in Electron main, the CLI and the test
 * bridge) that the parent kills past a resident-memory cap, read from outside every `pollMs`, or a
 * time cap. A file that exceeds either costs one message, never the process; the child is then
 * replaced. Requests run one at a time.
 */
export class ImportSandbox implements ImportReader {
  private child: SandboxChild | undefined;
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly limits: SandboxLimits;

  constructor(private readonly options: ImportSandboxOptions = {}) {
    this.limits = { ...DEFAULT_SANDBOX_LIMITS, ...options.limits };
  }

  async readFile(source: ImportSource, password?: string, options?: ReadFileOptions): Promise<FileReading> {
    checkFileSize(source.fileName, source.bytes.length); // refused before a byte is copied to the child
    const request = {
      id: this.nextId++,
      op: 'file',
      source,
      ...(password === undefined ? {} : { password }),
      ...(options === undefined ? {} : { options }),
    } as const;
    return this.enqueue(request, source.fileName) as Promise<FileReading>;
  }

  readTexts(items: readonly AccountText[]): Promise<AccountTextsResult> {
    return this.enqueue(
      { id: this.nextId++, op: 'texts', items },
      'the pasted or scanned text',
    ) as Promise<AccountTextsResult>;
  }

  /** Stops the child (it is started again by the next request). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    this.child?.kill();
    this.child = undefined;
  }

  private enqueue(request: SandboxRequest, what: string): Promise<unknown> {
    const run = this.queue.then(() => this.exec(request, what));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private spawn(): SandboxChild {
    clearTimeout(this.idleTimer);
    if (this.child) return this.child;
    const path = this.options.childPath ?? defaultImportChildPath();
    // A missing bundle is a build problem, not the user's file: say so plainly (run `npm run build`).
    if (!existsSync(path))
      throw new Error(`The import sandbox ${path} is missing; build OTP Desk again.`);
    const child: SandboxChild = (this.options.launch ?? launchNodeChild)(path, this.limits, {
      message: (response) => {
        if (this.child !== child || response.id !== this.running?.request.id) return;
        if ('op' in response) this.running.grantKdf(response.cost);
        else this.running.settle({ response });
      },
      exit: (code, signal) => {
        if (this.child !== child) return;
        this.child = undefined;
        const what = this.running?.what ?? '';
        const error = isAbort(code, signal)
          ? outOfMemory(what, this.limits.memoryMb)
          : unreadable(what);
        this.running?.settle({ error });
      },
    });
    this.child = child;
    return child;
  }

  /**
   * A child already holding more than half the cap is replaced before the next file, so that file
   * gets the whole cap: WebAssembly memory is never given back, so a granted KDF, OpenCV's curved
   * QR reader (~85 MB) or zxing's heap after a big photo stay, and the next file's meter would
   * count them. A followed folder's backup read twice in a row was refused as too big that way.
   */
  private async replaceIfHeavy(): Promise<void> {
    const child = this.child;
    const mb = await child?.residentMb();
    if (child && mb !== undefined && mb > this.limits.memoryMb / 2) this.discard(child);
  }

  private async exec(request: SandboxRequest, what: string): Promise<unknown> {
    await this.replaceIfHeavy();
    const child = this.spawn();
    return new Promise((resolve, reject) => {
      const stop = (error: UserError) => {
        this.discard(child);
        running.settle({ error });
      };
      // Raised once per file, for the largest KDF it declares (within KDF_LIMITS): never cumulative.
      let memoryMb = this.limits.memoryMb;
      let timeMs = this.limits.timeMs;
      // Where the child's CPU time can be read, the time cap counts its work, not the clock: a
      // machine busy with other work must not fail a valid file (a 288 MiB Argon2 took 18 s of
      // wall time beside npm test's other processes, well under a second of its own). The clock
      // still stops a child that waits instead of working, at WALL_SLACK times the cap.
      const cpuStart = child.cpuMs?.();
      const wallMs = (ms: number) => (cpuStart === undefined ? ms : ms * WALL_SLACK);
      let timer = setTimeout(() => stop(tooSlow(what, timeMs)), wallMs(timeMs));
      const started = Date.now();
      let measuring = false;
      const meter = setInterval(() => {
        const cpu = cpuStart === undefined ? undefined : child.cpuMs?.();
        if (cpu !== undefined && cpu - cpuStart! > timeMs && this.running === running)
          return stop(tooSlow(what, timeMs));
        if (measuring) return;
        measuring = true;
        void child.residentMb().then((mb) => {
          measuring = false;
          if (mb !== undefined && mb > memoryMb && this.running === running)
            stop(outOfMemory(what, memoryMb));
        });
      }, this.options.pollMs ?? 20);
      const running: Running = {
        request,
        what,
        grantKdf: (cost) => {
          let need;
          try {
            need = kdfNeed(cost, what);
          } catch (error) {
            // The importers check the same limits first: a child asking past them is not ours.
            return stop(error instanceof UserError ? error : unreadable(what));
          }
          memoryMb = Math.max(memoryMb, this.limits.memoryMb + Math.ceil(need.memoryMb));
          const allowed = this.limits.timeMs + Math.ceil(need.gibPasses * (this.options.kdfMsPerGibPass ?? KDF_MS_PER_GIB_PASS));
          if (allowed > timeMs) {
            timeMs = allowed;
            clearTimeout(timer);
            timer = setTimeout(() => stop(tooSlow(what, timeMs)), Math.max(0, started + wallMs(timeMs) - Date.now()));
          }
          child.send({ id: request.id, op: 'kdf-granted' });
        },
        settle: (outcome) => {
          if (this.running !== running) return;
          this.running = undefined;
          clearTimeout(timer);
          clearInterval(meter);
          if ('error' in outcome) return reject(outcome.error);
          const { response } = outcome;
          if (response.ok && isAnswerTo(request, response.value)) resolve(response.value);
          else if (!response.ok && isImportError(response))
            reject(new UserError(response.kind, response.message));
          else {
            // A bug, or a child no longer running our code: only the fact reaches the user.
            this.discard(child);
            reject(unreadable(what));
          }
          this.scheduleIdleStop();
        },
      };
      this.running = running;
      child.send(request);
    });
  }

  private discard(child: SandboxChild): void {
    if (this.child === child) this.child = undefined;
    child.kill();
  }

  private scheduleIdleStop(): void {
    clearTimeout(this.idleTimer);
    if (!this.child) return;
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? 30_000);
    this.idleTimer.unref?.();
  }
}

function tooSlow(what: string, ms: number): UserError {
  return new UserError(
    'invalid-input',
    `Reading ${what} took longer than ${seconds(ms)}, so OTP Desk stopped: it is not an export OTP Desk can read. Nothing was imported.`,
  );
}

function outOfMemory(what: string, mb: number): UserError {
  return new UserError(
    'invalid-input',
    `Reading ${what} needed more than ${mb} MB of memory, so OTP Desk stopped: it is damaged or not an export OTP Desk can read. Nothing was imported.`,
  );
}

function unreadable(what: string): UserError {
  return new UserError(
    'invalid-input',
    `OTP Desk could not read ${what}: the importer failed on it. Nothing was imported; if the file came from an authenticator app, export it again.`,
  );
}
