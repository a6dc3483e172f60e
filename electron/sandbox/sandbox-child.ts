import type { SandboxRequest, SandboxResponse } from './import-protocol';

/** How much one file may cost the sandbox: its resident memory and its time. */
export interface SandboxLimits {
  /** Resident memory of the child process (heap, ArrayBuffers, wasm and all), in MB. */
  readonly memoryMb: number;
  /** Time one file (or one paste) may take, in ms. */
  readonly timeMs: number;
}

/** What the parent hears from a sandbox child. */
export interface SandboxChildEvents {
  message(response: SandboxResponse): void;
  /** The child is gone: it exited, crashed or was killed (`signal` where the OS says which). */
  exit(code: number | null, signal: string | null): void;
}

/** One running sandbox child, as the parent sees it: a mailbox, a meter and a kill switch. */
export interface SandboxChild {
  send(request: SandboxRequest): void;
  /** Resident memory in MB measured from outside the child, or undefined where it can't be read. */
  residentMb(): Promise<number | undefined>;
  /** CPU time the child has used (ms), read from outside; absent or undefined where it can't be. */
  cpuMs?(): number | undefined;
  /** Ends the child at once (SIGKILL where there is one): no cleanup of its own runs. */
  kill(): void;
}

/**
 * Starts the sandbox module `entryPath` in a process of its own: a Node child under the permission
 * model (node-child.node.ts: CLI, test bridge) or Electron's utilityProcess (electron/main).
 */
export type LaunchSandboxChild = (
  entryPath: string,
  limits: SandboxLimits,
  events: SandboxChildEvents,
) => SandboxChild;
