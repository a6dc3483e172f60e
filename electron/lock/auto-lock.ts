/** What makes the app lock by itself, as main sees it (powerMonitor events and the idle clock). */
export type LockTrigger = 'idle' | 'screen-locked' | 'suspended';

export interface LockPolicy {
  /** 0: never lock for idleness. */
  readonly autoLockMinutes: number;
  readonly lockOnScreenLock: boolean;
}

/** Whether `trigger` should lock the vault under `policy` (idle: after `idleSeconds` of no input). */
export function shouldLock(trigger: LockTrigger, policy: LockPolicy, idleSeconds = 0): boolean {
  if (trigger === 'idle')
    return policy.autoLockMinutes > 0 && idleSeconds >= policy.autoLockMinutes * 60;
  return policy.lockOnScreenLock;
}

/** Electron powerMonitor events that may lock, and the trigger each one is. */
export const POWER_LOCK_EVENTS = {
  'lock-screen': 'screen-locked',
  suspend: 'suspended',
} as const satisfies Record<string, LockTrigger>;

/** How often main asks the system for its idle time. */
export const IDLE_POLL_MS = 15_000;

/**
 * Polls the idle time (Electron's powerMonitor.getSystemIdleTime in the app, a simulated value
 * in the test bridge) and locks when it passes the setting. Pure apart from the timer.
 */
export class IdleLocker {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly idleSeconds: () => number,
    private readonly policy: () => LockPolicy | null,
    private readonly lock: (trigger: LockTrigger) => void,
  ) {}

  /** Checks once; true when it locked. `policy` null means there is nothing to lock (locked already, or no password). */
  check(): boolean {
    const policy = this.policy();
    if (!policy || !shouldLock('idle', policy, this.idleSeconds())) return false;
    this.lock('idle');
    return true;
  }

  start(intervalMs = IDLE_POLL_MS): void {
    this.stop();
    this.timer = setInterval(() => this.check(), intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
