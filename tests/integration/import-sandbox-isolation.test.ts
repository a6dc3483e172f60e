import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAegisBackup } from '../../electron/core/backup/backup';
import { UserError } from '../../electron/core/errors';
import { resolvePackageFile } from '../../electron/core/package-file.node';
import { ImportSandbox } from '../../electron/sandbox/import-sandbox.node';
import { CLI, hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import type { HostileOrder } from '../support/hostile-import-child';
import { buildImportChild } from '../support/import-child';
import { runMeasured } from '../support/measured-run';
import { ACCOUNT } from '../support/fuzz';
import { bundleForNode } from '../support/node-bundle';
import { generatedColumnDatabase } from '../support/generated-column-db';

/**
 * The import sandbox isolates (issue 18): parsers run in a child process under Node's permission
 * model, killed past a resident-memory cap measured from outside and a time cap. A test-only child
 * (tests/support/hostile-import-child.ts: the real importers plus a parser gone bad) tries what an
 * exploited parser would; the real CLI, laid out with that child beside it, shows what a user sees.
 */
const HOSTILE_CHILD = '../support/hostile-import-child.ts';
const hostileFile = (order: HostileOrder) => ({
  fileName: `${order.action}.hostile`,
  bytes: new TextEncoder().encode(JSON.stringify(order)),
});

/** A secret file outside the sandbox's reach, and the keychain addon (a native module it may not load). */
const scratch = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? '/tmp', 'isolation-'));
const SECRET_FILE = join(scratch, 'other-file.txt');
writeFileSync(SECRET_FILE, 'JBSWY3DPEHPK3PXP');
const ADDON = resolvePackageFile('keytar/build/Release/keytar.node');

/** Node 20's permission model has no network switch; the Node that has --allow-net denies sockets too. */
const networkCovered = process.allowedNodeEnvironmentFlags.has('--allow-net');


/** The built CLI with the hostile child as its sandbox, in dist/test-hostile-XXXX/cli and sandbox/ as the build lays them out. */
async function hostileCli(): Promise<string> {
  const root = mkdtempSync(resolve(__dirname, '../../dist/test-hostile-'));
  mkdirSync(join(root, 'cli'));
  copyFileSync(CLI, join(root, 'cli/otp-desk.cjs'));
  // The loader and the bundle it compiles (with its code cache) sit side by side.
  for (const file of ['otp-desk-main.cjs', 'otp-desk-main.cjs.v8cache'])
    copyFileSync(join(dirname(CLI), file), join(root, 'cli', file));
  await bundleForNode(resolve(__dirname, HOSTILE_CHILD), join(root, 'sandbox/import-child.cjs'));
  return join(root, 'cli/otp-desk.cjs');
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A vault with one account, and a way to check a command changed nothing in it. */
function vaultWithOneAccount() {
  const vault = tempVault();
  expect(
    runCli(vault, 'add', 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example')
      .status,
  ).toBe(0);
  const before = digest(join(vault, 'vault.json'));
  return { vault, unchanged: () => digest(join(vault, 'vault.json')) === before };
}

describe('a parser in the sandbox gets a permission error for anything beyond its input', () => {
  let sandbox: ImportSandbox;
  let port: number;
  const server = createServer((socket) => socket.end());
  beforeAll(async () => {
    sandbox = new ImportSandbox({ childPath: await buildImportChild(HOSTILE_CHILD) });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    port = (server.address() as { port: number }).port;
  }, 60_000);
  afterAll(async () => {
    await sandbox.close();
    server.close();
  });

  /** What the hostile parser saw when it tried `action`: 'allowed' or the error code. */
  async function outcomeOf(action: HostileOrder['action'], arg?: string): Promise<string> {
    const reading = await sandbox.readFile(
      hostileFile({ action, mode: 'report', ...(arg ? { arg } : {}) }),
    );
    if (reading.state !== 'read') throw new Error('the hostile file came back locked');
    return reading.result.entries[0]!.account;
  }

  it.each([
    ['reading another file', 'read', SECRET_FILE, 'ERR_ACCESS_DENIED'],
    ['writing a file', 'write', join(scratch, 'written.txt'), 'ERR_ACCESS_DENIED'],
    ['starting a process', 'spawn', undefined, 'ERR_ACCESS_DENIED'],
    ['starting a worker thread', 'worker', undefined, 'ERR_ACCESS_DENIED'],
    ['loading a native addon (keytar)', 'addon', ADDON, 'ERR_DLOPEN_DISABLED'],
  ] as const)('%s is refused', async (_what, action, arg, code) => {
    expect(await outcomeOf(action, arg)).toBe(code);
  });

  it.skipIf(!networkCovered)('opening a socket is refused (a Node with --allow-net)', async () => {
    expect(await outcomeOf('socket', String(port))).toBe('ERR_ACCESS_DENIED');
  });

  it.skipIf(networkCovered)(
    'opening a socket is NOT refused on this Node: its permission model does not cover the network yet (README › Security says so)',
    async () => {
      expect(process.allowedNodeEnvironmentFlags.has('--allow-net')).toBe(false);
      expect(await outcomeOf('socket', String(port))).toBe('allowed');
    },
  );

  it.each([
    ['an error kind importers never give (one that would exit 3)', 'unlock-kind'],
    ['drafts of the wrong shape', 'bad-shape'],
  ])(
    'a child that answers %s is not believed: one "could not read" message',
    async (_what, arg) => {
      const error = await sandbox
        .readFile(hostileFile({ action: 'forge', mode: 'report', arg }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).kind).toBe('invalid-input');
      expect((error as Error).message).toMatch(
        /^OTP Desk could not read forge\.hostile: the importer failed on it/,
      );
    },
  );

  it('the sandbox still reads real files after each refusal', async () => {
    const bytes = new TextEncoder().encode(
      'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example\n',
    );
    expect(await sandbox.readFile({ fileName: 'links.txt', bytes })).toMatchObject({
      state: 'read',
      result: { entries: [{ account: 'alice' }] },
    });
  });
});

describe('main stays small while the sandbox is stopped at its default memory cap', () => {
  let sandbox: ImportSandbox;
  beforeAll(async () => {
    sandbox = new ImportSandbox({ childPath: await buildImportChild(HOSTILE_CHILD) });
    // Load the sandbox machinery once, so what is measured is the hostile file alone.
    await sandbox.readTexts([
      { text: 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', where: 'warm-up' },
    ]);
  }, 60_000);
  afterAll(() => sandbox.close());

  /** Runs `read` while polling this process's resident memory; returns its error and main's growth in MB. */
  async function growthDuring(
    read: () => Promise<unknown>,
  ): Promise<{ error: unknown; growthMb: number }> {
    const before = process.memoryUsage.rss();
    let peak = before;
    const poll = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    const error = await read().catch((e: unknown) => e);
    clearInterval(poll);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { error, growthMb: (peak - before) / 1024 / 1024 };
  }

  it.each([
    [
      'the 8 KB SQLite file whose secret column is generated as hex(zeroblob(150000000))',
      async () => ({ fileName: 'databases', bytes: await generatedColumnDatabase() }),
    ],
    [
      'a parser allocating a 600 MB ArrayBuffer',
      async () => hostileFile({ action: 'alloc', mode: 'crash' }),
    ],
  ])(
    '%s: one message naming the 256 MB cap, main grows by less than 50 MB',
    async (_what, file) => {
      const source = await file();
      const { error, growthMb } = await growthDuring(() => sandbox.readFile(source));
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toBe(
        `Reading ${source.fileName} needed more than 256 MB of memory, so OTP Desk stopped: it is damaged or not an export OTP Desk can read. Nothing was imported.`,
      );
      expect(growthMb).toBeLessThan(50);
      console.log(`${source.fileName}: main grew ${growthMb.toFixed(1)} MB`);
    },
    30_000,
  );
});

describe("a file's KDF runs in the sandbox and stops with it", () => {
  let sandbox: ImportSandbox;
  beforeAll(async () => {
    // A KDF within the limits gets room for its declared memory and time (10 s per GiB-pass);
    // here 1 s + 100 ms per GiB-pass, so the 1 GiB scrypt below is stopped while it runs.
    sandbox = new ImportSandbox({
      childPath: await buildImportChild(),
      limits: { timeMs: 1000 },
      kdfMsPerGibPass: 100,
    });
  }, 60_000);
  afterAll(() => sandbox.close());

  it('an Aegis backup asking scrypt for 1 GiB (N=2^20, r=8: within the KDF limits) is stopped past its time, and no scrypt goes on in main', async () => {
    const backup = JSON.parse(
      await writeAegisBackup(
        [ACCOUNT],
        'password',
      ),
    ) as { header: { slots: { n: number; r: number }[] } };
    backup.header.slots[0]!.n = 2 ** 20;
    backup.header.slots[0]!.r = 8;
    const source = {
      fileName: 'aegis-1gib.json',
      bytes: new TextEncoder().encode(JSON.stringify(backup)),
    };
    const error = await sandbox.readFile(source, 'password').catch((e: unknown) => e);
    // 1 s + 2 GiB-passes (1 GiB written and read once) × 100 ms: scrypt takes seconds more.
    expect((error as Error).message).toMatch(/^Reading aegis-1gib\.json took longer than 1 s/);
    // Killing the child ended its KDF: main's own threads (libuv's pool included) stay idle after.
    const cpu = process.cpuUsage();
    await new Promise((wait) => setTimeout(wait, 1000));
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(300);
  }, 30_000);
});

describe.skipIf(!hasKeychain)(
  `otp-desk import with a hostile file${hasKeychain ? '' : ` (${KEYCHAIN_SKIP_REASON})`}`,
  () => {
    let cli: string;
    beforeAll(async () => {
      cli = await hostileCli();
    }, 60_000);

    it.each([
      ['reads another file', 'read', SECRET_FILE],
      ['starts a process', 'spawn', undefined],
      ['loads a native addon', 'addon', ADDON],
    ] as const)(
      'a parser that %s fails the import with one clear line, exit 1, vault unchanged',
      async (_what, action, arg) => {
        const { vault, unchanged } = vaultWithOneAccount();
        const path = join(dirname(vault), `${action}.hostile`);
        writeFileSync(path, JSON.stringify({ action, mode: 'crash', ...(arg ? { arg } : {}) }));
        const run = await runMeasured(cli, vault, 'import', path);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(
          `otp-desk: OTP Desk could not read ${action}.hostile: the importer failed on it. Nothing was imported; if the file came from an authenticator app, export it again.\n`,
        );
        expect(run.stderr).not.toContain('JBSWY3DPEHPK3PXP');
        expect(unchanged()).toBe(true);
      },
    );

    it.each([
      [
        'the generated-column SQLite file',
        'databases',
        async () => generatedColumnDatabase(),
        'real',
      ],
      [
        'a 600 MB ArrayBuffer',
        'alloc.hostile',
        async () => new TextEncoder().encode(JSON.stringify({ action: 'alloc', mode: 'crash' })),
        'hostile',
      ],
    ] as const)(
      '%s is stopped at the default 256 MB cap: exit 1, one line, the CLI itself stays under 250 MB',
      async (_what, name, bytes, which) => {
        const { vault, unchanged } = vaultWithOneAccount();
        const path = join(dirname(vault), name);
        writeFileSync(path, await bytes());
        const run = await runMeasured(which === 'real' ? CLI : cli, vault, 'import', path);
        expect(run.stderr).toBe(
          `otp-desk: Reading ${name} needed more than 256 MB of memory, so OTP Desk stopped: it is damaged or not an export OTP Desk can read. Nothing was imported.\n`,
        );
        expect(run.status).toBe(1);
        expect(run.peakMb).toBeGreaterThan(0); // it was measured
        expect(run.peakMb).toBeLessThan(250);
        expect(unchanged()).toBe(true);
        console.log(`${name}: otp-desk peak RSS ${run.peakMb.toFixed(0)} MB, ${run.ms} ms`);
      },
      30_000,
    );

    it('a parser that never returns is stopped at the default 15 s: exit 1, one line', async () => {
      const { vault, unchanged } = vaultWithOneAccount();
      const path = join(dirname(vault), 'hang.hostile');
      writeFileSync(path, JSON.stringify({ action: 'hang', mode: 'crash' }));
      const run = await runMeasured(cli, vault, 'import', path);
      expect(run.stderr).toBe(
        'otp-desk: Reading hang.hostile took longer than 15 s, so OTP Desk stopped: it is not an export OTP Desk can read. Nothing was imported.\n',
      );
      expect(run.status).toBe(1);
      expect(run.ms).toBeGreaterThanOrEqual(15_000);
      expect(unchanged()).toBe(true);
      // 15 s of the child's CPU: on a busy machine more on the clock (up to 4 × 15 s).
    }, 90_000);
  },
);
