import { writeSync } from 'node:fs';
import { runCli } from './run-cli';

let viaStream = false;

/**
 * One line to stdout, written straight to fd 1: the first console.log on a pipe loads Node's net
 * and stream modules, measured at a tenth of a whole `otp-desk code`. Should fd 1 refuse (a
 * non-blocking pipe that is full), the rest goes through process.stdout, in order.
 */
function printLine(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let offset = 0;
  if (!viaStream) {
    try {
      while (offset < bytes.length) offset += writeSync(1, bytes, offset);
      return;
    } catch {
      viaStream = true;
      // As console.log does: a closed pipe (`otp-desk list | head -1`) is not the command's failure.
      process.stdout.on('error', () => undefined);
    }
  }
  process.stdout.write(bytes.subarray(offset));
}

// The `otp-desk` command (package.json bin). All logic is in run-cli.ts so tests can call it in-process.
runCli(process.argv.slice(2), printLine).then((code) => {
  process.exitCode = code;
});
