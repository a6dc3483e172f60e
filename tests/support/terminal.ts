import { spawn } from 'node:child_process';
import { CLI } from './cli';

/** Runs the CLI on a pseudo-terminal (util-linux `script`), typing `typed` once it shows `prompt`. */
export function runOnTerminal(args: string[], typed: string, prompt = 'Vault password: '): Promise<{ status: number; output: string }> {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let typedYet = false;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (!typedYet && output.includes(prompt)) {
      typedYet = true;
      child.stdin.write(`${typed}\r`);
    }
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status: status ?? -1, output })));
}
