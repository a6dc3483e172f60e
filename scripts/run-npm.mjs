// npm as the project's scripts start it: Windows has npm as npm.cmd, which Node only starts
// through a shell (EINVAL otherwise).
import { spawnSync } from 'node:child_process';

/** spawnSync of npm with `args`; `options` as spawnSync takes them (cwd, stdio, env, encoding). */
export function runNpm(args, options = {}) {
  const windows = process.platform === 'win32';
  return spawnSync(windows ? 'npm.cmd' : 'npm', args, { shell: windows, ...options });
}
