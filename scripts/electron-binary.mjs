// Finds the Electron binary without crashing where it can't be downloaded. Plain Node.
// require('electron') downloads the binary on first use; on machines that reach only the npm
// registry that fails with "fetch failed", which we turn into a reason a person can read.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** { path } when Electron's binary is installed (or installs now), else { reason }. */
export function findElectronBinary(root) {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const path = probe.stdout.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const output = `${probe.stderr}\n${probe.stdout}`;
  const why = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(output)
    ? "Electron's binary could not be downloaded (this machine reaches only the npm registry, and no registry ships it)"
    : probe.error
      ? `looking for Electron's binary failed (${probe.error.message})`
      : "Electron's binary is not installed (node_modules/electron has no dist/)";
  return { reason: why };
}
