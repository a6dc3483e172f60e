import { open, readFile, rm, stat } from 'node:fs/promises';
import { UserError } from '../core/errors';

/** How long a writer may hold the lock before another process treats it as abandoned. */
const STALE_AFTER_MS = 30_000;
const RETRY_MS = 25;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(path: string): Promise<boolean> {
  try {
    const [content, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const pid = Number(content.split(' ')[0]);
    return !processAlive(pid) || Date.now() - info.mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Runs `work` holding an exclusive lock file, so the app and the CLI never write the vault at
 * the same time. A lock left by a crashed process (dead pid or older than 30 s) is taken over.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(path)) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new UserError('busy', 'Another OTP Desk process is saving the vault. Wait a moment and try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}
