import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { buildImportChild } from '../support/import-child';

/**
 * Electron main runs the import sandbox as a utilityProcess (Electron can't run here). The stand-in
 * below starts the same child module as a plain Node child that talks through a `process.parentPort`
 * shim, as a utilityProcess does, and answers app.getAppMetrics from /proc: so the Electron launcher,
 * the child's parentPort branch and the memory cap measured through Electron's metrics are tested.
 */
const electron = vi.hoisted(() => ({
  forks: [] as { modulePath: string; options: Record<string, unknown>; child: ChildProcess }[],
}));

const shim = join(mkdtempSync(join(tmpdir(), 'utility-')), 'parent-port-shim.cjs');
writeFileSync(
  shim,
  `process.parentPort = {
  on: (event, listener) => process.on('message', (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};`,
);

vi.mock('electron', () => ({
  utilityProcess: {
    fork(modulePath: string, args: string[], options: Record<string, unknown>) {
      const child = fork(modulePath, args, {
        execArgv: ['--require', shim, ...((options['execArgv'] as string[]) ?? [])],
        env: options['env'] as NodeJS.ProcessEnv,
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      electron.forks.push({ modulePath, options, child });
      return {
        get pid() {
          return child.pid;
        },
        postMessage: (message: unknown) => child.send(message as object),
        on: (event: 'message' | 'exit', listener: (value: unknown) => void) =>
          event === 'message'
            ? child.on('message', listener)
            : child.on('exit', (code) => listener(code ?? -1)),
        kill: () => child.kill('SIGKILL'),
      };
    },
  },
  app: {
    // Like Electron's, the list holds the app's live processes only.
    getAppMetrics: () =>
      electron.forks
        .filter(({ child }) => child.exitCode === null && child.signalCode === null)
        .map(({ child }) => {
          const status = readFileSync(`/proc/${child.pid}/status`, 'latin1');
          return {
            pid: child.pid,
            memory: { workingSetSize: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) },
          };
        }),
  },
}));

const { ImportSandbox } = await import('../../electron/sandbox/import-sandbox.node');
const { launchUtilityProcess } = await import('../../electron/main/import-utility-process');

describe.runIf(process.platform === 'linux')(
  'the import sandbox in Electron (stand-in utilityProcess)',
  () => {
    let sandbox: InstanceType<typeof ImportSandbox>;
    beforeAll(async () => {
      const childPath = await buildImportChild('./hostile-import-child.ts');
      sandbox = new ImportSandbox({ childPath, launch: launchUtilityProcess });
    }, 60_000);
    afterAll(() => sandbox.close());

    it('starts the child module with an empty environment, no output and the heap capped at the limit', async () => {
      const bytes = new TextEncoder().encode(
        'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example\n',
      );
      const reading = await sandbox.readFile({ fileName: 'links.txt', bytes });
      expect(reading).toMatchObject({
        state: 'read',
        result: { entries: [{ issuer: 'Example', account: 'alice' }] },
      });
      expect(electron.forks).toHaveLength(1);
      expect(electron.forks[0]!.modulePath).toMatch(/import-child\.cjs$/);
      expect(electron.forks[0]!.options).toEqual({
        serviceName: 'OTP Desk import sandbox',
        env: {},
        stdio: 'ignore',
        execArgv: ['--max-old-space-size=256'],
      });
    });

    it('kills the child past 256 MB as app.getAppMetrics measures it, and starts a fresh one for the next file', async () => {
      const order = new TextEncoder().encode(JSON.stringify({ action: 'alloc', mode: 'crash' }));
      const error = await sandbox
        .readFile({ fileName: 'alloc.hostile', bytes: order })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(
        /^Reading alloc\.hostile needed more than 256 MB of memory/,
      );
      const first = electron.forks[electron.forks.length - 1]!.child;
      await vi.waitFor(() =>
        expect(first.exitCode !== null || first.signalCode !== null).toBe(true),
      );
      const text = await sandbox.readTexts([
        { text: 'otpauth://totp/B?secret=JBSWY3DPEHPK3PXP', where: 'pasted' },
      ]);
      expect(text.entries).toHaveLength(1);
      expect(electron.forks.length).toBeGreaterThan(1);
    }, 30_000);
  },
);
