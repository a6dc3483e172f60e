import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { bundleForNode } from './node-bundle';

/** Bundles tests/support/vault-writer.ts into dist/test (inside the checkout, so `keytar` resolves); returns the script's path. */
export async function bundleVaultWriter(): Promise<string> {
  return bundleForNode(
    resolve(__dirname, 'vault-writer.ts'),
    resolve(__dirname, `../../dist/test/vault-writer-${process.pid}.cjs`),
  );
}

/** A running writer process and the lines it has printed. */
export interface Writer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[];
  /** Resolves when a line matching `pattern` has been printed (or rejects when the process ends first). */
  waitFor(pattern: RegExp): Promise<string>;
  send(batch: { dir: string; tag: string; count: number }): void;
}

/** Starts a writer; resolves once it has loaded and printed `ready`. */
export async function startWriter(script: string): Promise<Writer> {
  const child = spawn(process.execPath, [script]);
  const lines: string[] = [];
  const waiters: {
    pattern: RegExp;
    resolve: (line: string) => void;
    reject: (error: Error) => void;
  }[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.on('exit', () =>
    waiters
      .splice(0)
      .forEach((w) =>
        w.reject(new Error(`writer exited before ${w.pattern}: ${stderr.slice(0, 500)}`)),
      ),
  );
  const writer: Writer = {
    child,
    lines,
    waitFor: (pattern) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
    send: (batch) => child.stdin.write(`${JSON.stringify(batch)}\n`),
  };
  await writer.waitFor(/^ready$/);
  return writer;
}
