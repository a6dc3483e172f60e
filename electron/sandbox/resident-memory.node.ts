import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * The resident set of process `pid` in MB, read from outside it (so V8's heap, ArrayBuffers, wasm
 * memory and native allocations all count): /proc on Linux, `ps` on macOS. Undefined where neither
 * exists (Windows: there the child's V8 heap cap is the only memory limit) or the process is gone.
 */
export async function residentMbOf(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  if (process.platform === 'linux') {
    const status = await readFile(`/proc/${pid}/status`, 'latin1').catch(() => '');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  }
  if (process.platform !== 'darwin') return undefined;
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'rss=', '-p', String(pid)], (error, stdout) => {
      const kb = Number(stdout.trim());
      resolve(error || !Number.isFinite(kb) || kb === 0 ? undefined : kb / 1024);
    });
  });
}
