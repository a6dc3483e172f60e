import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { INSTALLED_CLI as CLI } from '../support/cli';

const BUNDLE = join(dirname(CLI), 'otp-desk-main.cjs');
const wrap = (Module as unknown as { wrap(source: string): string }).wrap;

// The CLI starts through a loader that compiles its bundle with the V8 code cache the build wrote
// (bench `cliCodeRatio`): a stale or missing cache would silently cost every command its parse again.
describe('the CLI bundle’s V8 code cache', () => {
  it('is accepted by this Node for the bundle the build wrote', () => {
    const script = new Script(wrap(readFileSync(BUNDLE, 'utf8')), {
      filename: BUNDLE,
      cachedData: readFileSync(`${BUNDLE}.v8cache`),
    });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('covers the code a start compiles (more than the top level alone)', () => {
    const bare = new Script(wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE }).createCachedData();
    expect(readFileSync(`${BUNDLE}.v8cache`).length).toBeGreaterThan(bare.length * 1.5);
  });

  it('still runs the CLI, late-loaded Node built-ins included, with nothing on stderr', () => {
    // `completion bash` needs no vault; `--version` the least code; both through the loader.
    for (const args of [['--version'], ['completion', 'bash']]) {
      const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });
});
