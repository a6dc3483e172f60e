import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { BackupStatus } from '../api';
import { writeAegisBackupWithKey, type BackupAccount, type PreparedBackupKey } from '../core/backup/backup';
import { BACKUP_KEY_SETTING, BACKUP_SETTING_KEYS, readBackupSettings, type BackupSettings } from '../core/backup/backup-settings';
import type { AuthenticatorService } from '../service';
import { describeBackupFailure, listBackups, pruneBackups, writeBackupFile } from './backup-files.node';

/** Timing of automatic backups; tests shorten both. */
export interface BackupTiming {
  /** Wait this long after a change, so a burst of edits makes one backup. */
  readonly debounceMs: number;
  /** While backups fail, try again this often even without a change. */
  readonly retryMs: number;
}

export const DEFAULT_BACKUP_TIMING: BackupTiming = { debounceMs: 1500, retryMs: 60_000 };

/** What goes into a backup: every account with its group and favourite flag (not use counts). */
function backupAccounts(service: AuthenticatorService): BackupAccount[] {
  return service.accounts().map(({ id, type, secret, algorithm, digits, period, counter, issuer, account, group, favorite }) => ({
    id, type, secret, algorithm, digits, period, counter, issuer, account, group, favorite,
  }));
}

/**
 * Automatic encrypted backups: after every vault change (debounced) writes an Aegis backup
 * with the prepared key into the chosen folder, keeps the newest N, and remembers the outcome.
 * A failure stays in the status until a backup succeeds, and is retried on a timer.
 */
export class BackupService {
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private lastFingerprint = '';
  private lastSuccessAt: number | null = null;
  private lastFile: string | null = null;
  private lastError: BackupStatus['lastError'] = null;
  private note: string | null = null;
  private pending = false;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly service: AuthenticatorService,
    private readonly notify: () => void = () => undefined,
    private readonly timing: BackupTiming = DEFAULT_BACKUP_TIMING,
    private readonly clock: () => number = Date.now,
  ) {
    this.unsubscribe = service.onChange(() => this.schedule());
  }

  /** Reads the newest backup's time from the folder and backs up now if the vault changed since. */
  async start(): Promise<void> {
    const { backupFolder } = this.settings();
    if (!backupFolder) return;
    const [latest] = await listBackups(backupFolder);
    if (latest) [this.lastSuccessAt, this.lastFile] = [latest.modifiedMs, latest.name];
    const vaultChanged = await stat(this.service.vaultHandle.path).then((s) => s.mtimeMs, () => 0);
    if (!latest || latest.modifiedMs < vaultChanged) this.schedule();
    this.notify();
  }

  settings(): BackupSettings {
    return readBackupSettings(Object.fromEntries(BACKUP_SETTING_KEYS.map((key) => [key, this.service.setting(key)])));
  }

  status(): BackupStatus {
    const settings = this.settings();
    return {
      folder: settings.backupFolder,
      keep: settings.backupKeep,
      promptDismissed: settings.backupPromptDismissed,
      passwordSet: this.key() !== undefined,
      lastSuccessAt: this.lastSuccessAt,
      lastFile: this.lastFile,
      lastError: this.lastError,
      pending: this.pending,
      note: this.note,
    };
  }

  /** Backs up after the debounce delay (called on every vault change). */
  schedule(): void {
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(false), this.timing.debounceMs);
    this.timer.unref?.();
  }

  /** Backs up now, even when nothing changed since the last backup; resolves with the outcome in status(). */
  async runNow(): Promise<BackupStatus> {
    clearTimeout(this.timer);
    await this.run(true);
    return this.status();
  }

  stop(): void {
    // A queued attempt must not run after the vault is locked (its accounts are gone from memory).
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.retryTimer);
    this.unsubscribe();
  }

  private key(): PreparedBackupKey | undefined {
    const key = this.service.setting<PreparedBackupKey>(BACKUP_KEY_SETTING);
    return key && typeof key.masterKey === 'string' && typeof key.slot === 'object' ? key : undefined;
  }

  /** Attempts run one after another, so "back up now" always covers every change made before it. */
  private run(force: boolean): Promise<void> {
    const next = this.queue.then(() => this.attempt(force));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async attempt(force: boolean): Promise<void> {
    if (this.stopped) return;
    this.pending = false;
    const { backupFolder: folder, backupKeep: keep } = this.settings();
    const key = this.key();
    const accounts = backupAccounts(this.service);
    if (!folder || !key) {
      // Turned off: an old failure no longer applies.
      [this.lastError, this.retryTimer] = [null, void clearInterval(this.retryTimer)];
      return this.finish('Automatic backups are off until a folder and a backup password are set.');
    }
    // An empty vault (e.g. a fresh install about to restore) must never push real backups out of the folder.
    if (accounts.length === 0) return this.finish('Nothing to back up yet: the vault has no accounts.');
    const fingerprint = createHash('sha256').update(JSON.stringify([folder, key.slot, accounts])).digest('hex');
    if (!force && fingerprint === this.lastFingerprint && !this.lastError) return this.finish(null);
    try {
      const path = await writeBackupFile(folder, writeAegisBackupWithKey(accounts, key), this.clock());
      await pruneBackups(folder, keep);
      [this.lastFingerprint, this.lastSuccessAt, this.lastFile, this.lastError] = [fingerprint, this.clock(), path.slice(folder.length).replace(/^[\\/]/, ''), null];
      clearInterval(this.retryTimer);
      this.retryTimer = undefined;
      this.finish(null);
    } catch (error) {
      const attempts = (this.lastError?.attempts ?? 0) + 1;
      this.lastError = { message: describeBackupFailure(folder, error), at: this.clock(), attempts };
      this.retryTimer ??= setInterval(() => void this.run(false), this.timing.retryMs);
      this.retryTimer.unref?.();
      this.finish(null);
    }
  }

  private finish(note: string | null): void {
    this.note = note;
    this.notify();
  }
}
