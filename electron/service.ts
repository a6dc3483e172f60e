import { randomUUID } from 'node:crypto';
import type { AccountCodes, AccountPatch } from './api';
import { summarizeAccount, type Account, type AccountDraft, type AccountSummary, type ImportedDraft } from './core/otp/account';
import { UserError, invalidInput } from './core/errors';
import { boundedClockOffset } from './core/settings';
import { CodeCache } from './core/otp/code-cache';
import { nodeKeyedHmac } from './core/otp/hmac.node';
import type { CodeWindow } from './core/otp/otp';
import { validateOtpParameters } from './core/otp/validate';
import type { KeyStore } from './vault/keychain';
import { stampLocalChanges } from './sync/vault-sync';
import { TRASH_RETENTION_MS, type TrashedAccount, type VaultData } from './vault/vault-data';
import { Vault, type UnlockOptions } from './vault/vault.node';

export { TRASH_RETENTION_MS } from './vault/vault-data';
const MAX_TEXT = 200;

export interface ServiceOptions extends UnlockOptions {
  /** Milliseconds since the epoch; injectable for tests. */
  readonly clock?: () => number;
}

function cleanText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidInput(`The ${field} must be text.`);
  const text = value.trim();
  if (text.length > MAX_TEXT) throw invalidInput(`The ${field} is longer than ${MAX_TEXT} characters; shorten it.`);
  return text;
}

/**
 * The only place that reads or writes the vault. The IPC handlers, the CLI and the test
 * bridge are thin adapters over this class.
 */
export class AuthenticatorService {
  private readonly listeners = new Set<() => void>();
  /** Decoded keys and codes per time step; main-process memory only, wiped by forgetDecodedKeys. */
  private readonly codes = new CodeCache(nodeKeyedHmac);
  /** accounts() sorted, for the accounts array it was sorted from (vault data is replaced, never mutated). */
  private sorted: { from: readonly Account[]; accounts: readonly Account[] } | undefined;
  /** Slows down repeated wrong vault passwords (set by the app's service host; the CLI runs once per command). */
  passwordGate: { attempt<T>(check: () => Promise<T>): Promise<T> } | undefined;

  private constructor(
    private readonly vault: Vault,
    private readonly clock: () => number,
  ) {}

  /** Opens the vault in `dir` (see Vault.open for the errors). */
  static async open(dir: string, keyStore: KeyStore, options: ServiceOptions = {}): Promise<AuthenticatorService> {
    const vault = await Vault.open(dir, keyStore, options);
    return new AuthenticatorService(vault, options.clock ?? Date.now);
  }

  get vaultDir(): string {
    return this.vault.dir;
  }
  get hasPassword(): boolean {
    return this.vault.hasPassword;
  }
  /** The underlying vault, for adapters that manage unlock methods. */
  get vaultHandle(): Vault {
    return this.vault;
  }
  /** Current time in ms, corrected by the user's clock offset (bounded: see MAX_CLOCK_OFFSET_MS). */
  now(): number {
    return this.clock() + this.clockOffsetMs();
  }

  /** The user's clock offset in ms, bounded (a larger stored one counts as 0). */
  private clockOffsetMs(): number {
    return boundedClockOffset(this.vault.current.settings['clockOffsetMs']);
  }

  /** Accounts in display order (favourites are a view concern, not sorted here). */
  accounts(): readonly Account[] {
    const from = this.vault.current.accounts;
    if (this.sorted?.from !== from) this.sorted = { from, accounts: [...from].sort((a, b) => a.order - b.order) };
    return this.sorted.accounts;
  }

  listAccounts(): AccountSummary[] {
    return this.accounts().map(summarizeAccount);
  }

  /** The account with this id, or a not-found error the user can act on. */
  getAccount(id: string): Account {
    const account = this.vault.current.accounts.find((a) => a.id === id);
    if (!account) throw new UserError('not-found', 'That account no longer exists. Refresh the list and try again.');
    return account;
  }

  /** Accounts whose id equals `query` or whose issuer/account/group contains it (case-insensitive). */
  findAccounts(query: string): Account[] {
    const all = this.accounts();
    const exact = all.filter((a) => a.id === query);
    if (exact.length > 0) return exact;
    const needle = query.trim().toLowerCase();
    return all.filter((a) => `${a.issuer}\n${a.account}\n${a.group}`.toLowerCase().includes(needle));
  }

  /** Codes of every account at `atMs` plus the user's clock offset. */
  codesAt(atMs: number): AccountCodes[] {
    // The offset itself, not now() - clock(): two clock reads a millisecond apart moved a time on a
    // period boundary (the CLI's --at) into the step before.
    const offset = this.clockOffsetMs();
    return this.codes.windowsFor(this.accounts(), Math.floor((atMs + offset) / 1000));
  }

  /** One account's code window at `atSeconds` (unix seconds, no offset applied), from the same cache. */
  codeWindow(account: Account, atSeconds: number): CodeWindow {
    return this.codes.windowFor(account, atSeconds);
  }

  /** Wipes the decoded keys and cached codes; whatever drops the vault (lock, close) calls this. */
  forgetDecodedKeys(): void {
    this.codes.clear();
  }

  /** Locks: wipes the decoded keys, drops the sorted accounts and the vault's key and data. This service can't be used again. */
  lock(): void {
    this.forgetDecodedKeys();
    this.sorted = undefined;
    this.vault.lock();
  }

  /**
   * Codes for the renderer: the offset is added first and the result clamped last, to main's own
   * corrected clock ± one period per account, so whatever a compromised page sends or sets, no code
   * lies outside main's true clock ± (MAX_CLOCK_OFFSET_MS + one period) (the CLI's --at uses codesAt).
   */
  codesNear(atMs: number): AccountCodes[] {
    const offset = this.clockOffsetMs();
    const corrected = this.clock() + offset;
    return this.accounts().map((a) => {
      const periodMs = (a.type === 'hotp' ? 30 : a.period) * 1000;
      const at = Math.min(corrected + periodMs, Math.max(corrected - periodMs, atMs + offset));
      return this.codes.windowFor(a, Math.floor(at / 1000));
    });
  }

  /** Adds accounts in one write: all of them or, if any is invalid, none. */
  async addAccounts(drafts: readonly AccountDraft[]): Promise<Account[]> {
    return this.applyImport(drafts, []);
  }

  /** The OTP fields and trimmed names of a draft, and nothing else an importer may have attached. */
  private cleanDraft(draft: AccountDraft): AccountDraft {
    const { type, secret, algorithm, digits, period, counter } = draft;
    return { type, secret, algorithm, digits, period, counter, issuer: cleanText(draft.issuer, 'issuer'), account: cleanText(draft.account, 'account name') };
  }

  private newAccount(draft: ImportedDraft, order: number, now: number): Account {
    const group = draft.group ? cleanText(draft.group, 'group') : '';
    return { ...this.cleanDraft(draft), id: randomUUID(), group, icon: '', favorite: draft.favorite === true, order, useCount: 0, createdAt: now, updatedAt: now };
  }

  async addAccount(draft: AccountDraft): Promise<AccountSummary> {
    const [account] = await this.addAccounts([draft]);
    return summarizeAccount(account!);
  }

  /**
   * Saves an import in one write: new accounts appended, and `replacements` overwriting the
   * OTP settings and names of existing accounts (keeping their id, place, group and icon).
   * Returns the new accounts.
   */
  async applyImport(adds: readonly ImportedDraft[], replacements: readonly { id: string; draft: AccountDraft }[]): Promise<Account[]> {
    [...adds, ...replacements.map((r) => r.draft)].forEach(validateOtpParameters);
    const now = this.clock();
    let added: Account[] = [];
    await this.change((data) => {
      const replaced = new Map(replacements.map((r) => [r.id, r.draft]));
      const start = data.accounts.reduce((max, a) => Math.max(max, a.order + 1), 0);
      const accounts = data.accounts.map((a) => {
        const draft = replaced.get(a.id);
        return draft ? { ...a, ...this.cleanDraft(draft), updatedAt: now } : a;
      });
      added = adds.map((draft, i) => this.newAccount(draft, start + i, now));
      return { ...data, accounts: [...accounts, ...added] };
    });
    return added;
  }

  async updateAccount(id: string, patch: AccountPatch): Promise<AccountSummary> {
    const changes: { -readonly [K in keyof Account]?: Account[K] } = {};
    if (patch.issuer !== undefined) changes.issuer = cleanText(patch.issuer, 'issuer');
    if (patch.account !== undefined) changes.account = cleanText(patch.account, 'account name');
    if (patch.group !== undefined) changes.group = cleanText(patch.group, 'group');
    if (patch.icon !== undefined) changes.icon = cleanText(patch.icon, 'icon');
    if (patch.favorite !== undefined) changes.favorite = Boolean(patch.favorite);
    return summarizeAccount(await this.changeAccount(id, (a) => ({ ...a, ...changes, updatedAt: this.clock() })));
  }

  /** Moves an account to the trash (restorable with restoreAccount). */
  async removeAccount(id: string): Promise<void> {
    this.getAccount(id);
    const now = this.clock();
    await this.change((data) => {
      const account = data.accounts.find((a) => a.id === id);
      if (!account) return data;
      const trash: TrashedAccount[] = [
        { account, deletedAt: now },
        ...data.trash.filter((t) => now - t.deletedAt < TRASH_RETENTION_MS),
      ];
      return { ...data, accounts: data.accounts.filter((a) => a.id !== id), trash };
    });
  }

  /** Brings a removed account back in its old place. */
  async restoreAccount(id: string): Promise<AccountSummary> {
    const trashed = this.vault.current.trash.find((t) => t.account.id === id && !t.entryId);
    if (!trashed) throw new UserError('not-found', 'That account is no longer in the trash, so it cannot be restored.');
    await this.change((data) => ({
      ...data,
      accounts: [...data.accounts.filter((a) => a.id !== id), trashed.account],
      trash: data.trash.filter((t) => t.account.id !== id || t.entryId),
    }));
    return summarizeAccount(trashed.account);
  }

  /** Sets the manual order; ids not listed keep their relative order after the listed ones. */
  async reorder(ids: readonly string[]): Promise<void> {
    await this.change((data) => {
      const rank = new Map(ids.map((id, i) => [id, i]));
      const sorted = [...data.accounts].sort(
        (a, b) => (rank.get(a.id) ?? ids.length + a.order) - (rank.get(b.id) ?? ids.length + b.order),
      );
      return { ...data, accounts: sorted.map((a, order) => ({ ...a, order })) };
    });
  }

  /** Moves an HOTP account to its next counter value (the code shown changes). */
  async advanceCounter(id: string): Promise<Account> {
    if (this.getAccount(id).type !== 'hotp') throw invalidInput('Only HOTP (counter-based) accounts have a counter to advance.');
    return this.changeAccount(id, (a) => ({ ...a, counter: a.counter + 1, updatedAt: this.clock() }));
  }

  /** Counts a copy, for the "most used" sort. */
  async markUsed(id: string): Promise<void> {
    await this.changeAccount(id, (a) => ({ ...a, useCount: a.useCount + 1 }));
  }

  /** Sets where the browser extension may fill this account (each site read as electron/browser/site-match.ts says). */
  async setAccountSites(id: string, sites: readonly string[]): Promise<AccountSummary> {
    // Loaded here, not with the service: its Public Suffix List (tldts) took 5 ms of every `otp-desk code`.
    const { formatSiteBinding, parseSiteBinding } = await import('./browser/site-match');
    const clean = [...new Set(sites.map((site) => formatSiteBinding(parseSiteBinding(site))))];
    if (clean.length > 50) throw invalidInput('An account can be bound to at most 50 sites.');
    return summarizeAccount(await this.changeAccount(id, (a) => ({ ...a, sites: clean, updatedAt: this.clock() })));
  }

  /** Logs a browser fill in the account's recent activity (the last 20; like markUsed, not an edit). */
  async recordFill(id: string, site: string): Promise<void> {
    const fill = { site, at: this.clock() };
    await this.changeAccount(id, (a) => ({ ...a, recentFills: [fill, ...(a.recentFills ?? [])].slice(0, 20) }));
  }

  /** Reads changes another process wrote; notifies listeners when something changed. */
  async reloadIfChanged(): Promise<boolean> {
    const changed = await this.vault.reload();
    if (changed) this.emit();
    return changed;
  }

  /** Stores a feature setting in the encrypted database. */
  async setSetting(key: string, value: unknown): Promise<void> {
    await this.change((data) => ({ ...data, settings: { ...data.settings, [key]: value } }));
  }

  setting<T>(key: string): T | undefined {
    return this.vault.current.settings[key] as T | undefined;
  }

  /** Listens for any change to the vault. Returns unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /** Every change goes through here: stamped for sync (once it is set up), saved, announced. */
  private async change(mutate: (data: VaultData) => VaultData): Promise<void> {
    await this.vault.update((data) => stampLocalChanges(mutate(data), this.clock()));
    this.emit();
  }

  /** For the sync layer: one change of the whole vault data (merges, the folder link), under the vault's lock. */
  async changeData(mutate: (data: VaultData, nowMs: number) => VaultData): Promise<void> {
    await this.change((data) => mutate(data, this.clock()));
  }

  /** The Trash: removed accounts and versions a sync merge replaced, from the last 30 days, newest first. */
  trashEntries(): TrashedAccount[] {
    const now = this.clock();
    return this.vault.current.trash.filter((t) => now - t.deletedAt < TRASH_RETENTION_MS).sort((a, b) => b.deletedAt - a.deletedAt);
  }

  /**
   * Restores a Trash entry by its id (a removed account's id, or a replaced version's entry id):
   * the account comes back, or takes that version's fields again; either way a new change, so it syncs.
   */
  async restoreTrashEntry(entryId: string): Promise<AccountSummary> {
    const entry = this.trashEntries().find((t) => (t.entryId ?? t.account.id) === entryId);
    if (!entry) throw new UserError('not-found', 'That entry is no longer in the Trash. See otp-desk trash list.');
    if (!entry.entryId) return this.restoreAccount(entry.account.id);
    const old = entry.account;
    await this.change((data) => ({
      ...data,
      accounts: [...data.accounts.filter((a) => a.id !== old.id), { ...(data.accounts.find((a) => a.id === old.id) ?? old), ...old, updatedAt: this.clock() }],
      trash: data.trash.filter((t) => t !== entry),
    }));
    return summarizeAccount(old);
  }

  private async changeAccount(id: string, mutate: (account: Account) => Account): Promise<Account> {
    this.getAccount(id);
    let result: Account | undefined;
    await this.change((data) => ({
      ...data,
      accounts: data.accounts.map((a) => (a.id === id ? (result = mutate(a)) : a)),
    }));
    if (!result) throw new UserError('not-found', 'That account was removed by another window. Refresh and try again.');
    return result;
  }
}
