import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface MeasuredRun {
  readonly status: number | null;
  readonly stderr: string;
  /** The CLI process's own peak resident memory (VmHWM), in MB: its sandbox child is not counted. */
  readonly peakMb: number;
  /** The highest resident memory seen in the CLI's child processes (its import sandbox), in MB. */
  readonly childPeakMb: number;
  readonly ms: number;
}

/** A /proc/PID/status field in kB, 0 when the process is gone. */
function statusKb(pid: number | string, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  } catch {
    return 0; // gone between the exit and this tick
  }
}

/** The CLI's direct children (the sandbox), from /proc; none once it has exited. */
function childrenOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').split(' ').filter(Boolean);
  } catch {
    return [];
  }
}

/** Runs a CLI bundle on `vault`, polling /proc for its own and its children's peak resident memory until it exits. */
export function runMeasured(cli: string, vault: string, ...args: string[]): Promise<MeasuredRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [cli, '--vault', vault, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let peakKb = 0;
  let childPeakKb = 0;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    peakKb = Math.max(peakKb, statusKb(child.pid, 'VmHWM'));
    for (const pid of childrenOf(child.pid))
      childPeakKb = Math.max(childPeakKb, statusKb(pid, 'VmRSS'));
  }, 10);
  return new Promise((done) =>
    child.on('close', (status) => {
      clearInterval(poll);
      done({
        status,
        stderr,
        peakMb: peakKb / 1024,
        childPeakMb: childPeakKb / 1024,
        ms: Date.now() - started,
      });
    }),
  );
}
