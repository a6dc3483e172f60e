import type { OtpParameters } from './account';
import { decodeBase32 } from './base32';
import { codeWindowFromKey, timeStep, type CodeWindow, type HmacFunction } from './otp';

/** An account as the cache sees it: an id and what its codes depend on. */
export interface CodeSource extends OtpParameters {
  readonly id: string;
}

/** What a cached window was computed from; any difference means recompute. */
interface Entry {
  readonly secret: string;
  readonly key: Uint8Array;
  type: OtpParameters['type'];
  algorithm: OtpParameters['algorithm'];
  digits: number;
  period: number;
  counter: number;
  /** Time step the window belongs to (-1 for hotp, whose window does not move with time). */
  step: number;
  window: CodeWindow;
}

/**
 * Codes per account per time step, with each key decoded once per unlock (base32 → bytes, kept in
 * this process only). The window refreshes every second but codes change every 30 s, so a tick
 * within a step is a lookup. An entry is reused only while every input of the code is the same
 * (secret, type, algorithm, digits, period, counter and time step), so an edit, an HOTP advance,
 * a clock-offset change or a step boundary never shows a stale code. `clear()` wipes the key bytes:
 * call it when the vault is locked or closed.
 */
export class CodeCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly hmac: HmacFunction) {}

  /** The code window of `account` at `atSeconds` (unix seconds). */
  windowFor(account: CodeSource, atSeconds: number): CodeWindow {
    const step = account.type === 'hotp' ? -1 : timeStep(atSeconds, account.period);
    const entry = this.entries.get(account.id);
    if (entry && entry.secret === account.secret) {
      if (
        entry.step === step &&
        entry.counter === account.counter &&
        entry.type === account.type &&
        entry.algorithm === account.algorithm &&
        entry.digits === account.digits &&
        entry.period === account.period
      ) {
        return entry.window;
      }
      const window = codeWindowFromKey(account, entry.key, atSeconds, this.hmac);
      Object.assign(entry, {
        type: account.type,
        algorithm: account.algorithm,
        digits: account.digits,
        period: account.period,
        counter: account.counter,
        step,
        window,
      });
      return window;
    }
    if (entry) entry.key.fill(0);
    const key = decodeBase32(account.secret);
    const window = codeWindowFromKey(account, key, atSeconds, this.hmac);
    this.entries.set(account.id, {
      secret: account.secret,
      key,
      type: account.type,
      algorithm: account.algorithm,
      digits: account.digits,
      period: account.period,
      counter: account.counter,
      step,
      window,
    });
    return window;
  }

  /** Forgets accounts not in `ids` (removed ones), wiping their key bytes. */
  retain(ids: ReadonlySet<string>): void {
    for (const [id, entry] of this.entries) {
      if (ids.has(id)) continue;
      entry.key.fill(0);
      this.entries.delete(id);
    }
  }

  /** How many accounts have a decoded key here. */
  get size(): number {
    return this.entries.size;
  }

  /** Wipes every decoded key and cached code (on lock, or when the vault is dropped). */
  clear(): void {
    for (const entry of this.entries.values()) entry.key.fill(0);
    this.entries.clear();
  }
}
