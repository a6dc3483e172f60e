import { UserError } from '../core/errors';

/** The wait before the next try after `failures` wrong passwords in a row: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(30_000, 1_000 * 2 ** Math.min(failures - 1, 15));
}

/**
 * Slows down password guessing. Lives in main (the service host), so reloading the renderer
 * does not reset it. A try during the wait is refused without checking the password.
 */
export class PasswordBackoff {
  private failures = 0;
  private notBefore = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** The try in progress: tries run one at a time, so parallel guesses each meet the wait. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Runs `check` after the tries before it have finished; a wrong-password failure lengthens the
   * wait, a success clears it. A try during the wait is refused without running `check`.
   */
  attempt<T>(check: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.tryOnce(check));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async tryOnce<T>(check: () => Promise<T>): Promise<T> {
    const waitMs = this.notBefore - this.clock();
    if (waitMs > 0) {
      throw new UserError(
        'rate-limited',
        `Too many wrong passwords. Wait ${Math.ceil(waitMs / 1000)} s and try again.`,
      );
    }
    try {
      const result = await check();
      this.failures = 0;
      this.notBefore = 0;
      return result;
    } catch (error) {
      if (error instanceof UserError && error.kind === 'wrong-password') {
        this.failures += 1;
        this.notBefore = this.clock() + backoffDelayMs(this.failures);
      }
      throw error;
    }
  }

  /** Milliseconds until the next try is allowed (0: now). */
  remainingMs(): number {
    return Math.max(0, this.notBefore - this.clock());
  }
}
