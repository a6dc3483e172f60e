import { app, utilityProcess } from 'electron';
import type { SandboxRequest, SandboxResponse } from '../sandbox/import-protocol';
import { ImportSandbox } from '../sandbox/import-sandbox.node';
import type { LaunchSandboxChild } from '../sandbox/sandbox-child';

/**
 * The import sandbox as Electron runs it: the same child module in a utilityProcess (the app's
 * binary has RunAsNode fused off, so it can't fork a Node child). Its memory is read from
 * app.getAppMetrics, which measures every process of the app from outside on every OS. Electron's
 * utilityProcess does not apply Node's permission flags, so here the isolation is the process
 * boundary, the empty environment and the caps (README › Security).
 */
export const launchUtilityProcess: LaunchSandboxChild = (entryPath, limits, events) => {
  const child = utilityProcess.fork(entryPath, [], {
    serviceName: 'OTP Desk import sandbox',
    env: {},
    stdio: 'ignore',
    execArgv: [`--max-old-space-size=${limits.memoryMb}`],
  });
  child.on('message', (message: SandboxResponse) => events.message(message));
  child.on('exit', (code) => events.exit(code, null));
  return {
    send: (request: SandboxRequest) => child.postMessage(request),
    residentMb: async () => {
      const metrics = app.getAppMetrics().find((p) => p.pid === child.pid);
      // workingSetSize is in KB.
      return metrics ? metrics.memory.workingSetSize / 1024 : undefined;
    },
    kill: () => void child.kill(),
  };
};

/** The sandbox Electron main uses: a utilityProcess per import session. */
export const electronImportSandbox = (): ImportSandbox =>
  new ImportSandbox({ launch: launchUtilityProcess });
