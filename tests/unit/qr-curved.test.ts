import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundleForNode } from '../support/node-bundle';

it('two decoders loading the curved reader at once both get it (neither waits forever)', { timeout: 60_000 }, async () => {
  // Its own process: OpenCV is one object per process, already started in a test worker that used it.
  const bundle = await bundleForNode('tests/support/curved-load-twice.ts', join('dist', 'test', `curved-load-twice-${process.pid}.cjs`));
  expect(execFileSync(process.execPath, [bundle], { encoding: 'utf8' }).trim()).toBe('2 readers');
});
