import type { HashAlgorithm, OtpParameters } from './account';
import { decodeBase32 } from './base32';
import {
  codeHash,
  hotpCodeFromKeyedHmac,
  timeStep,
  type CodeWindow,
  type KeyedHmac,
  type KeyedHmacFactory,
} from './otp';

/** An account as the cache sees it: an id and what its codes depend on. */
export interface CodeSource extends OtpParameters {
  readonly id: string;
}

/** A code window with the account it belongs to (the shape the window and `code --json` use). */
export interface AccountCodeWindow extends CodeWindow {
  readonly id: string;
}

/** What a cached window was computed from; any difference means recompute. */
interface Entry {
  readonly secret: string;
  /** The hash `mac` is keyed for (SHA-1 for Steam); a different one means a new entry. */
  readonly hash: HashAlgorithm;
  /** The account's HMAC, keyed once; the decoded key itself is wiped as soon as this is made. */
  readonly mac: KeyedHmac;
  type: OtpParameters['type'];
  algorithm: OtpParameters['algorithm'];
  digits: number;
  period: number;
  counter: number;
  /** Time step the window belongs to (-1 for hotp, whose window does not move with time). */
  step: number;
  window: AccountCodeWindow | undefined;
}

/**
 * Codes per account per time step, with each key decoded and its HMAC keyed once per unlock (kept
 * in this process only): keying is half the hashing of an HMAC, and redoing it per code was a
 * quarter of the bench's profile (`codesRatio`). The window refreshes every second but codes change
 * every 30 s, so a tick within a step is a lookup. An entry is reused only while every input of the
 * code is the same (secret, type, algorithm, digits, period, counter and time step), so an edit, an
 * HOTP advance, a clock-offset change or a step boundary never shows a stale code. `clear()` wipes
 * the keyed HMACs: call it when the vault is locked or closed.
 */
export class CodeCache {
  private readonly entries = new Map<string, Entry>();
  /** The last whole list: reused while the account list is the same array and every window still holds. */
  private list:
    | {
        accounts: readonly CodeSource[];
        from: number;
        until: number;
        windows: readonly AccountCodeWindow[];
      }
    | undefined;

  constructor(private readonly keyHmac: KeyedHmacFactory) {}

  /** The code window of `account` at `atSeconds` (unix seconds). */
  windowFor(account: CodeSource, atSeconds: number): AccountCodeWindow {
    const step = account.type === 'hotp' ? -1 : timeStep(atSeconds, account.period);
    const hash = codeHash(account);
    let entry = this.entries.get(account.id);
    if (entry && (entry.secret !== account.secret || entry.hash !== hash)) {
      entry.mac.wipe();
      entry = undefined;
    }
    if (!entry) {
      const key = decodeBase32(account.secret);
      const mac = this.keyHmac(hash, key);
      key.fill(0);
      entry = {
        secret: account.secret,
        hash,
        mac,
        type: account.type,
        algorithm: account.algorithm,
        digits: 0,
        period: 0,
        counter: 0,
        step: 0,
        window: undefined,
      };
      this.entries.set(account.id, entry);
    } else if (
      entry.window !== undefined &&
      entry.step === step &&
      entry.counter === account.counter &&
      entry.type === account.type &&
      entry.algorithm === account.algorithm &&
      entry.digits === account.digits &&
      entry.period === account.period
    ) {
      return entry.window;
    }
    const previous = entry.window;
    // Crossing into the next step: the old "next" code is the new current one (same key and settings).
    const carried =
      step >= 0 &&
      previous !== undefined &&
      entry.step === step - 1 &&
      entry.counter === account.counter &&
      entry.type === account.type &&
      entry.algorithm === account.algorithm &&
      entry.digits === account.digits &&
      entry.period === account.period;
    // HOTP's pair is its counter and the one after it, with no time window. Built in one literal:
    // 1000 accounts come through here every 30 s, and a second object per account showed in the
    // profile (bench `codesRatio`).
    const counter = step < 0 ? account.counter : step;
    const window: AccountCodeWindow = {
      id: account.id,
      code: carried ? previous.next : hotpCodeFromKeyedHmac(account, entry.mac, counter),
      next: hotpCodeFromKeyedHmac(account, entry.mac, counter + 1),
      validFrom: step < 0 ? 0 : step * account.period,
      validUntil: step < 0 ? 0 : (step + 1) * account.period,
    };
    entry.type = account.type;
    entry.algorithm = account.algorithm;
    entry.digits = account.digits;
    entry.period = account.period;
    entry.counter = account.counter;
    entry.step = step;
    entry.window = window;
    return window;
  }

  /**
   * Windows of a whole account list at `atSeconds`. Vault data is replaced, never mutated, so the
   * same `accounts` array within every account's current step (the window's 1 s tick) returns the
   * last answer without touching any entry; anything else goes account by account.
   */
  windowsFor(accounts: readonly CodeSource[], atSeconds: number): AccountCodeWindow[] {
    const last = this.list;
    if (last && last.accounts === accounts && atSeconds >= last.from && atSeconds < last.until)
      return [...last.windows];
    if (this.entries.size > accounts.length) this.retain(new Set(accounts.map((a) => a.id)));
    let from = -Infinity;
    let until = Infinity;
    const windows = accounts.map((account) => {
      const window = this.windowFor(account, atSeconds);
      if (account.type !== 'hotp') {
        from = Math.max(from, window.validFrom);
        until = Math.min(until, window.validUntil);
      }
      return window;
    });
    this.list = { accounts, from, until, windows };
    return [...windows];
  }

  /** Forgets accounts not in `ids` (removed ones), wiping their keyed HMACs. */
  retain(ids: ReadonlySet<string>): void {
    for (const [id, entry] of this.entries) {
      if (ids.has(id)) continue;
      entry.mac.wipe();
      this.entries.delete(id);
    }
    this.list = undefined;
  }

  /** How many accounts have a keyed HMAC here. */
  get size(): number {
    return this.entries.size;
  }

  /** Wipes every keyed HMAC and cached code (on lock, or when the vault is dropped). */
  clear(): void {
    for (const entry of this.entries.values()) entry.mac.wipe();
    this.entries.clear();
    this.list = undefined;
  }
}
