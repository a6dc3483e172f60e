// Loaded with `node --import` before one of the project's scripts: makes the script believe it runs
// on $SIMULATED_PLATFORM and records every child process it starts (one JSON line each in
// $SIMULATED_SPAWN_LOG) instead of starting it. A command Windows can only start through a shell
// (a .cmd/.bat file, npm, npx, a node_modules/.bin entry) fails the way Node fails it there
// (EINVAL or ENOENT) when the script passes no `shell` option, so the script's own error path runs.
import childProcess from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Buffer } from 'node:buffer';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import process from 'node:process';
import { setImmediate } from 'node:timers';

const platform = process.env.SIMULATED_PLATFORM;
const log = process.env.SIMULATED_SPAWN_LOG;
Object.defineProperty(process, 'platform', { value: platform });

/** Why Node on Windows refuses this command without a shell, or null when it starts it. */
function windowsRefusal(command) {
  if (/\.(cmd|bat)$/i.test(command)) return 'EINVAL';
  if (/(^|[\\/])(npm|npx|yarn|pnpm)$/i.test(command)) return 'ENOENT';
  if (/node_modules[\\/]\.bin[\\/][^\\/.]+$/.test(command)) return 'ENOENT';
  return null;
}

function record(command, args, options) {
  const argv = Array.isArray(args) ? args : [];
  const opts = (Array.isArray(args) ? options : args) ?? {};
  const shell = Boolean(opts.shell);
  const refusal = platform === 'win32' && !shell ? windowsRefusal(String(command)) : null;
  appendFileSync(
    log,
    `${JSON.stringify({ command: String(command), args: argv, shell, refusal })}\n`,
  );
  return { refusal, encoding: opts.encoding };
}

const spawnError = (command, code) =>
  Object.assign(new Error(`spawnSync ${command} ${code}`), {
    code,
    errno: -22,
    syscall: 'spawnSync',
    path: command,
  });
const empty = (encoding) => (encoding ? '' : Buffer.alloc(0));

childProcess.spawnSync = (command, args, options) => {
  const { refusal, encoding } = record(command, args, options);
  if (refusal)
    return {
      pid: 0,
      output: null,
      stdout: null,
      stderr: null,
      status: null,
      signal: null,
      error: spawnError(command, refusal),
    };
  return {
    pid: 1,
    output: [null, empty(encoding), empty(encoding)],
    stdout: empty(encoding),
    stderr: empty(encoding),
    status: 0,
    signal: null,
  };
};
childProcess.execFileSync = (command, args, options) => {
  const { refusal, encoding } = record(command, args, options);
  if (refusal) throw spawnError(command, refusal);
  return empty(encoding);
};
childProcess.spawn = (command, args, options) => {
  const { refusal } = record(command, args, options);
  const child = new EventEmitter();
  setImmediate(() =>
    refusal ? child.emit('error', spawnError(command, refusal)) : child.emit('exit', 0, null),
  );
  return child;
};
syncBuiltinESMExports();
