// A process that makes CLI writes on command, for the crash and concurrency tests: each change is
// one `otp-desk add` run through runCli (its own vault open, lock, atomic write and release),
// without paying Node's start-up per change. Bundled by tests/support/writer-bundle.ts.
// stdin: one JSON line per batch {dir, tag, count}; stdout: `ok TAG-I` after each completed add,
// `fail TAG-I CODE MESSAGE` after a failed one, `end TAG` after each batch; `ready` at start.
import { createInterface } from 'node:readline';
import { runCli } from '../../electron/cli/run-cli';

interface Batch {
  readonly dir: string;
  readonly tag: string;
  readonly count: number;
}

async function runBatch({ dir, tag, count }: Batch): Promise<void> {
  for (let i = 0; i < count; i++) {
    const name = `${tag}-${i}`;
    const errors: string[] = [];
    const status = await runCli(
      ['--vault', dir, 'add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', tag, '--account', name],
      () => undefined,
      (line) => errors.push(line),
    );
    process.stdout.write(
      status === 0 ? `ok ${name}\n` : `fail ${name} ${status} ${errors[0] ?? ''}\n`,
    );
  }
  process.stdout.write(`end ${tag}\n`);
}

let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const batch = JSON.parse(line) as Batch;
  queue = queue.then(() => runBatch(batch));
});
process.stdout.write('ready\n');
