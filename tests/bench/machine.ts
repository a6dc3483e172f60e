import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

/** The machine a bench ran on, so runs on different machines can be told apart. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  /** Median wall time of a bare `node -e 0` here, in ms (5 runs): the start-up every CLI ratio is against. */
  readonly nodeBareMs: number;
  readonly node: string;
  readonly platform: string;
}

export function machineInfo(): MachineInfo {
  const times = Array.from({ length: 5 }, () => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    nodeBareMs: Math.round(times[2]! * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}
