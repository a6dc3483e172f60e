import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../electron/vault/lock.node';

const tempDir = () => mkdtempSync(join(tmpdir(), 'otp-desk-lock-'));
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

/** A pid that no process has: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A live process that is not this one (stands for another OTP Desk holding the lock). */
function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  children.push(child);
  return child.pid!;
}

/** A lock folder as a process with `pid` leaves it, its owner file made an hour ago. */
function lockHeldBy(dir: string, pid: number): { lock: string; owner: string } {
  const lock = join(dir, 'vault.json.lock');
  mkdirSync(lock);
  const owner = join(lock, `owner-${pid}-0123456789abcdef`);
  writeFileSync(owner, 'an hour ago');
  const hourAgo = new Date(Date.now() - 3600_000);
  utimesSync(owner, hourAgo, hourAgo);
  return { lock, owner };
}

describe('the vault lock', () => {
  it('lets exactly one of six waiters take over a lock whose owner was killed, and runs them one at a time', async () => {
    const { lock, owner } = lockHeldBy(tempDir(), await deadPid());
    const takeovers: string[] = [];
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withFileLock(
          lock,
          async () => {
            most = Math.max(most, ++inside);
            await new Promise((resolve) => setTimeout(resolve, 5));
            order.push(i);
            inside--;
          },
          5_000,
          { onTakeover: (file) => takeovers.push(file) },
        ),
      ),
    );
    expect(takeovers).toEqual([owner]);
    expect(most).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(existsSync(lock)).toBe(false);
  });

  it('never removes a live owner’s lock, however old, and says what to do when it gives up', async () => {
    const { lock, owner } = lockHeldBy(tempDir(), livePid());
    let ran = false;
    await expect(withFileLock(lock, async () => (ran = true), 300)).rejects.toThrow(
      /Another OTP Desk process is saving the vault.*delete the folder/,
    );
    expect(ran).toBe(false);
    expect(existsSync(owner)).toBe(true);
  });

  it('takes the lock once the live owner releases it', async () => {
    const dir = tempDir();
    const lock = join(dir, 'vault.json.lock');
    const steps: string[] = [];
    let release!: () => void;
    const first = withFileLock(
      lock,
      () => new Promise<void>((resolve) => ((release = resolve), steps.push('first in'))),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = withFileLock(lock, async () => void steps.push('second in'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps).toEqual(['first in']);
    release();
    await Promise.all([first, second]);
    expect(steps).toEqual(['first in', 'second in']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('clears what a killed writer left: its staging folder and temp vault file', async () => {
    const dir = tempDir();
    const pid = await deadPid();
    mkdirSync(join(dir, `.vault.json.lock-${pid}-00aa`));
    writeFileSync(join(dir, `vault.json.tmp-${pid}`), 'half a vault');
    writeFileSync(join(dir, `vault.json.bak.tmp-${pid}`), 'a previous version on its way');
    writeFileSync(join(dir, 'vault.json'), 'kept');
    await withFileLock(join(dir, 'vault.json.lock'), async () => undefined);
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });
});
