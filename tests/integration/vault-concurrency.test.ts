import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { Vault } from '../../electron/vault/vault.node';
import { CLI, hasKeychain, KEYCHAIN_SKIP_REASON } from '../support/cli';
import { soakSize } from '../support/soak';
import { bundleVaultWriter, startWriter, type Writer } from '../support/writer-bundle';

const WRITERS = 8;
const CHANGES = 25;
/** Adds per process when every add is its own `otp-desk` process (Node's start-up dominates: ~0.1 s of CPU each). */
const CLI_CHANGES = 10;
// A representative slice in npm test; the full 20 rounds and 200 kills under npm run test:soak.
const ROUNDS = Number(process.env['T15_ROUNDS'] ?? soakSize(2, 20));
const KILLS = Number(process.env['T15_KILLS'] ?? soakSize(20, 200));

const LANES = 4;

const root = () => mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'vault-conc-'));
/**
 * The thousands of writes below run in memory-backed /dev/shm where it exists: a SIGKILL leaves
 * the page cache as it was, so what a killed process left is the same as on disk, without an
 * fsync to the disk per change. (The 8 × 25 CLI run above uses the ordinary temp folder.)
 */
const fastRoot = () => (existsSync('/dev/shm') ? mkdtempSync('/dev/shm/otp-desk-conc-') : root());
const keys = new KeytarKeyStore();
/** Account names in the vault at `dir`, opened the way the app opens it (keychain). */
const namesIn = async (dir: string) =>
  (await Vault.open(dir, keys)).current.accounts.map((a) => a.account);
/** After a test, the folder holds the vault, its previous copy and nothing a killed writer left. */
const leftovers = (dir: string) =>
  readdirSync(dir).filter((n) => n !== 'vault.json' && n !== 'vault.json.bak');

let script: string;
const writers: Writer[] = [];
beforeAll(async () => {
  if (hasKeychain) script = await bundleVaultWriter();
});
const cleanup: string[] = [];
afterAll(() => {
  writers.forEach((w) => w.child.kill('SIGKILL'));
  [...cleanup, script].forEach((path) => path && rmSync(path, { recursive: true, force: true }));
});

describe.skipIf(!hasKeychain)(
  `vault writes from many processes (real keychain)${hasKeychain ? '' : ` (skipped: ${KEYCHAIN_SKIP_REASON})`}`,
  () => {
    it(
      `8 otp-desk processes at a time, each add its own process (80 in all), keep every account`,
      { timeout: 180_000 },
      async () => {
        const dir = join(root(), 'vault');
        // A failed add is reported with its exit status and what it printed, so a failure says why.
        const runOne = (tag: string) =>
          new Promise<string>((resolve) => {
            const args = [
              CLI,
              '--vault',
              dir,
              'add',
              '--secret',
              'JBSWY3DPEHPK3PXP',
              '--issuer',
              'cli',
              '--account',
              tag,
            ];
            const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            child.on('close', (status, signal) =>
              resolve(status === 0 ? 'ok' : `${tag}: exit ${status ?? signal}: ${stderr.trim()}`),
            );
          });
        const statuses = await Promise.all(
          Array.from({ length: WRITERS }, async (_, w) => {
            const results: string[] = [];
            for (let i = 0; i < CLI_CHANGES; i++) results.push(await runOne(`w${w}-${i}`));
            return results;
          }),
        );
        expect(statuses.flat().filter((s) => s !== 'ok')).toEqual([]);
        expect((await namesIn(dir)).sort()).toEqual(
          Array.from(
            { length: WRITERS * CLI_CHANGES },
            (_, i) => `w${Math.floor(i / CLI_CHANGES)}-${i % CLI_CHANGES}`,
          ).sort(),
        );
      },
    );

    it(
      `8 writers × 25 changes, ${ROUNDS} rounds in a row: nothing lost, every change reported done is in the vault`,
      { timeout: 300_000 },
      async () => {
        writers.push(
          ...(await Promise.all(Array.from({ length: WRITERS }, () => startWriter(script)))),
        );
        const base = fastRoot();
        cleanup.push(base);
        for (let round = 0; round < ROUNDS; round++) {
          // A fresh folder each round: the writers also race to create the vault.
          const dir = join(base, `round-${round}`);
          writers.forEach((writer, w) =>
            writer.send({ dir, tag: `r${round}w${w}`, count: CHANGES }),
          );
          await Promise.all(
            writers.map((writer, w) => writer.waitFor(new RegExp(`^end r${round}w${w}$`))),
          );
          const failures = writers.flatMap((w) =>
            w.lines.filter((l) => l.startsWith(`fail r${round}w`)),
          );
          expect(failures, `round ${round}`).toEqual([]);
          const names = await namesIn(dir);
          expect(names, `round ${round}`).toHaveLength(WRITERS * CHANGES);
          expect(new Set(names).size).toBe(WRITERS * CHANGES);
          expect(leftovers(dir)).toEqual([]);
        }
      },
    );

    it(
      `${KILLS} SIGKILLs at random moments of CLI writes: the vault always opens with every completed change`,
      { timeout: 300_000 },
      async () => {
        const base = fastRoot();
        cleanup.push(base);
        // Four vaults side by side, each with 50 writers killed one after another.
        const lanes = await Promise.all(
          Array.from({ length: LANES }, (_, lane) => killLane(join(base, `lane-${lane}`), lane)),
        );
        const partial = lanes.reduce((sum, n) => sum + n, 0);
        console.log(
          `[crash] ${KILLS} kills in ${LANES} vaults; ${partial} landed after a write reached the file but before the process reported it`,
        );
      },
    );
  },
);

/** Starts a writer on `dir`, kills it at a random moment, and checks the vault; `KILLS / LANES` times. Returns how many kills caught a write in flight. */
async function killLane(dir: string, lane: number): Promise<number> {
  const completed = new Set<string>();
  /** What the vault held after the previous kill (including a change that landed but was never reported). */
  let before: string[] = [];
  let partial = 0;
  for (let kill = 0; kill < KILLS / LANES; kill++) {
    const tag = `l${lane}k${kill}`;
    const writer = await startWriter(script);
    writer.send({ dir, tag, count: 1000 });
    // Let it make 0-2 changes, then kill it wherever it is: opening, locking, writing, renaming, releasing.
    const after = kill % 3;
    if (after > 0)
      await writer.waitFor(new RegExp(`^(ok ${tag}-${after - 1}|fail .*)$`)).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
    // 'close', not 'exit': every line the writer printed has been read by then.
    const exited = new Promise((resolve) => writer.child.on('close', resolve));
    writer.child.kill('SIGKILL');
    await exited;
    expect(writer.lines.filter((l) => l.startsWith('fail'))).toEqual([]);
    writer.lines.filter((l) => l.startsWith('ok ')).forEach((l) => completed.add(l.slice(3)));
    if (!existsSync(join(dir, 'vault.json'))) {
      expect(completed.size, 'a completed change but no vault file').toBe(0);
      continue;
    }
    const names = await namesIn(dir);
    // Every completed change is there and nothing the vault held is gone; at most the one in flight when killed is new.
    expect([...completed].filter((n) => !names.includes(n))).toEqual([]);
    expect(before.filter((n) => !names.includes(n))).toEqual([]);
    const unreported = names.filter((n) => !completed.has(n) && !before.includes(n));
    expect(unreported.length).toBeLessThanOrEqual(1);
    if (unreported.length === 1) partial++;
    before = names;
  }
  // The next writer takes over whatever lock the last kill left, and cleans up after it.
  const last = await startWriter(script);
  writers.push(last);
  last.send({ dir, tag: `after${lane}`, count: 1 });
  expect(await last.waitFor(new RegExp(`^(ok|fail) after${lane}-0`))).toBe(`ok after${lane}-0`);
  expect(leftovers(dir)).toEqual([]);
  return partial;
}
