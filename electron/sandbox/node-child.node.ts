import { fork } from 'node:child_process';
import { dirname, sep } from 'node:path';
import { resolvePackageFile } from '../core/package-file.node';
import { OPENCV_NO_EVAL } from '../core/qr/qr-curved.node';
import type { SandboxRequest, SandboxResponse } from './import-protocol';
import { residentMeter } from './resident-memory.node';
import type { LaunchSandboxChild } from './sandbox-child';

/** The packages the child loads from node_modules at run time (their .wasm among them). */
const RUNTIME_PACKAGES = [
  'sql.js/dist/sql-wasm.js',
  'zxing-wasm/reader',
  '@jsquash/webp/codec/dec/webp_dec.wasm',
  OPENCV_NO_EVAL,
];

/** 'sql.js/dist/x' → 'sql.js', '@jsquash/webp/x' → '@jsquash/webp'. */
const packageName = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** A package's folder from the path of one of its files. */
function packageFolder(file: string, name: string): string {
  const folder = `node_modules${sep}${name.split('/').join(sep)}`;
  const at = file.lastIndexOf(folder);
  // With its trailing separator, so a sibling package named like it (sql.js-x) is not granted too.
  return (at < 0 ? dirname(file) : file.slice(0, at + folder.length)) + sep;
}

/** Newer Node calls the switch --permission (from Node 25, with --allow-net, it denies sockets too); Node 20 has the experimental one. */
const permissionFlag = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission';

/**
 * Node's options for the sandbox child: the permission model on, read access to the child's own
 * file and the packages it loads, and nothing else: no write, no child process, no worker, no
 * addon, no WASI (the file's bytes come over IPC, so it needs no read of the user's file). Node 20's
 * permission model does not cover the network; from Node 25 (which has --allow-net) it does.
 */
export function sandboxExecArgv(entryPath: string, memoryMb: number): string[] {
  const readable = [
    entryPath,
    ...RUNTIME_PACKAGES.map((spec) => packageFolder(resolvePackageFile(spec), packageName(spec))),
  ];
  return [
    permissionFlag,
    ...readable.map((path) => `--allow-fs-read=${path}`),
    // The V8 heap can't outgrow the resident cap; past it the child aborts instead of swapping.
    `--max-old-space-size=${memoryMb}`,
    '--disallow-code-generation-from-strings',
    '--no-warnings',
  ];
}

/** Starts the sandbox as a Node child process (the CLI and the test bridge run under Node). */
export const launchNodeChild: LaunchSandboxChild = (entryPath, limits, events) => {
  const child = fork(entryPath, [], {
    execArgv: sandboxExecArgv(entryPath, limits.memoryMb),
    env: {}, // nothing of the parent's environment (paths, tokens) reaches parsers
    serialization: 'advanced', // the file's bytes cross as a Uint8Array, not a JSON array
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'], // a parser's output never reaches the CLI's
  });
  const meter = residentMeter(child.pid);
  child.on('message', (message) => events.message(message as SandboxResponse));
  child.on('exit', (code, signal) => {
    meter.close();
    events.exit(code, signal);
  });
  // A failed spawn has no exit of its own; report it as one.
  child.on('error', () => events.exit(null, null));
  child.unref();
  child.channel?.unref();
  return {
    send: (request: SandboxRequest) => void child.send(request, (error) => error && child.kill()),
    residentMb: () => meter.read(),
    cpuMs: () => meter.cpuMs(),
    kill: () => void child.kill('SIGKILL'),
  };
};
