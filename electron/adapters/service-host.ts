import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { VaultRecovery, VaultStatus } from '../api';
import { isUserError, UserError } from '../core/errors';
import type { Importer } from '../core/format/importer';
import { inProcessReader, type ImportReader } from '../core/importers/import-reader';
import { passwordProblem } from '../core/password/password-length';
import { readSettings } from '../core/settings';
import { PasswordBackoff } from '../lock/password-backoff';
import type { LockPolicy, LockTrigger } from '../lock/auto-lock';
import { BackupService } from '../backups/backup-service';
import { damagedVaultMessage, inspectRecovery, recoverFromBackup, recoverFromPrevious } from '../backups/vault-recovery.node';
import { ImportService } from '../import-service';
import { AuthenticatorService } from '../service';
import { SyncWatcher } from '../sync/sync-watcher.node';
import type { KeyStore } from '../vault/keychain';
import { hasKeychainSlot, readVaultFile } from '../vault/vault-file.node';
import { VAULT_FILE_NAME } from '../vault/paths.node';

/** The OS's user check (Touch ID through systemPreferences.promptTouchID on macOS). */
export interface SystemAuth {
  /** Shown on the button, e.g. "Touch ID". */
  readonly name: string;
  available(): boolean;
  /** Resolves when the user confirmed; rejects when cancelled or failed. */
  prompt(reason: string): Promise<void>;
}

/**
 * Holds the service for the app and the test bridge: opens the vault at start, keeps the
 * reason when it can't (locked keychain, missing item), unlocks with the password, and
 * reloads when another process (the CLI) writes the vault.
 */
export class ServiceHost {
  private service: AuthenticatorService | undefined;
  private importService: ImportService | undefined;
  private backupService: BackupService | undefined;
  private syncWatcher: SyncWatcher | undefined;
  private lockedMessage = 'The vault is not open yet.';
  private lockedState: VaultStatus['state'] = 'locked';
  private hasPasswordSlot = false;
  private recovery: VaultRecovery | undefined;
  private watcher: FSWatcher | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly lockHooks = new Set<() => unknown>();
  /** Wrong-password slow-down, kept here in main so a renderer reload does not reset it. */
  readonly backoff: PasswordBackoff;
  /** The OS's own user check (Touch ID on macOS), where the app has one. */
  private systemAuth: SystemAuth | undefined;
  /** Whether the vault file has a keychain slot (Touch ID unlocks through it). */
  private keychainSlot = false;

  constructor(
    readonly vaultDir: string,
    private readonly keyStore: KeyStore,
    private readonly importers: ImportReader | readonly Importer[],
    private readonly clock: () => number = Date.now,
  ) {
    this.backoff = new PasswordBackoff();
  }

  /** Opens (creating if new) the vault through the keychain; failures become a locked status, not a crash. */
  async start(): Promise<VaultStatus> {
    try {
      this.attach(
        await AuthenticatorService.open(this.vaultDir, this.keyStore, {
          create: true,
          clock: this.clock,
        }),
      );
    } catch (error) {
      if (!isUserError(error)) throw error;
      this.lockedMessage = error.message;
      this.lockedState = error.kind === 'keychain-unavailable' || error.kind === 'integrity' ? 'unavailable' : 'locked';
      this.recovery = error.kind === 'integrity' ? await inspectRecovery(this.vaultDir, this.keyStore) : undefined;
      if (this.recovery) this.lockedMessage = damagedVaultMessage(this.vaultDir, this.recovery, false);
      // The file's public header says whether a password can open it (not the error's wording).
      const slots = await readVaultFile(join(this.vaultDir, VAULT_FILE_NAME)).then(
        (file) => file?.slots ?? [],
        () => [],
      );
      this.hasPasswordSlot = slots.some((slot) => slot.type === 'password');
      if (this.hasPasswordSlot && !hasKeychainSlot({ slots })) {
        this.lockedState = 'locked';
        this.lockedMessage =
          'OTP Desk asks for your vault password at every start. Enter it to unlock.';
      }
    }
    return this.status();
  }

  status(): VaultStatus {
    if (this.service) return { state: 'unlocked', hasPassword: this.service.hasPassword, vaultDir: this.vaultDir };
    const recovery = this.recovery ? { recovery: this.recovery } : {};
    const systemAuth = this.lockedState === 'locked' && this.keychainSlot && this.systemAuth?.available() ? { systemAuth: this.systemAuth.name } : {};
    const wait = this.backoff.remainingMs();
    const retry = wait > 0 ? { retryInMs: wait } : {};
    return { state: this.lockedState, message: this.lockedMessage, hasPassword: this.hasPasswordSlot, vaultDir: this.vaultDir, ...recovery, ...systemAuth, ...retry };
  }

  /** Restores a damaged vault the way the user chose on the restore screen, then opens it. */
  async recover(from: 'previous' | 'backup', backupPassword?: string): Promise<VaultStatus> {
    if (this.service || !this.recovery) throw new UserError('invalid-input', 'The vault is not damaged, so there is nothing to restore.');
    if (from === 'previous') await recoverFromPrevious(this.vaultDir, this.keyStore);
    else if (this.recovery.backup) await recoverFromBackup(this.vaultDir, this.keyStore, this.importers, this.recovery.backup.file, backupPassword);
    else throw new UserError('not-found', 'No automatic backup was found to restore from. Import a backup file instead.');
    this.recovery = undefined;
    await this.start();
    this.emit();
    return this.status();
  }

  /** Offers the OS's user check (Touch ID) on the lock screen as a second way to unlock. */
  setSystemAuth(systemAuth: SystemAuth | undefined): void {
    this.systemAuth = systemAuth;
  }

  /**
   * Unlocks after the OS's own user check (Touch ID): the keychain slot then opens the vault,
   * as at start. Not offered in "ask for the password at every start" mode (no keychain slot).
   */
  async unlockWithSystemAuth(): Promise<VaultStatus> {
    if (this.service) return this.status();
    if (!this.systemAuth?.available() || !this.keychainSlot) {
      throw new UserError(
        'invalid-input',
        'Unlocking without the password is not available here. Enter your vault password.',
      );
    }
    try {
      await this.systemAuth.prompt('unlock OTP Desk');
    } catch {
      throw new UserError(
        'cancelled',
        `${this.systemAuth.name} did not confirm it is you. Try again or enter your vault password.`,
      );
    }
    this.attach(
      await AuthenticatorService.open(this.vaultDir, this.keyStore, { clock: this.clock }),
    );
    this.emit();
    return this.status();
  }

  /**
   * Unlocks with the vault password and, where the keychain works, puts the key back into it
   * (not in "ask for the password at every start" mode). Wrong passwords slow down.
   */
  async unlock(password: string): Promise<VaultStatus> {
    if (this.service) return this.status();
    const service = await this.backoff.attempt(() =>
      AuthenticatorService.open(this.vaultDir, this.keyStore, { password, clock: this.clock }),
    );
    if (!readSettings(service.vaultHandle.current.settings).requirePasswordAtStart) {
      await service.vaultHandle.restoreKeychainSlot().catch(() => undefined);
    }
    this.attach(service);
    this.emit();
    return this.status();
  }

  /**
   * Sets or changes the vault password (the current one is needed to change it). Only the
   * password slot is re-wrapped, in one atomic write: a crash leaves the old password or the new.
   */
  async setPassword(newPassword: string, currentPassword?: string): Promise<VaultStatus> {
    const service = this.get();
    // Length and nothing else: the strength advice (and its dictionaries) lives in the page.
    const problem = passwordProblem(newPassword);
    if (problem) throw new UserError('invalid-input', `${problem} Nothing was changed.`);
    if (service.hasPassword) {
      if (!currentPassword)
        throw new UserError('password-required', 'Enter your current vault password to change it.');
      await this.backoff.attempt(() => service.vaultHandle.verifyPassword(currentPassword));
    }
    await service.vaultHandle.setPassword(newPassword);
    this.emit();
    return this.status();
  }

  /** Removes the vault password; the keychain slot comes back first, so the vault always stays openable. */
  async removePassword(currentPassword: string): Promise<VaultStatus> {
    const service = this.get();
    if (!service.hasPassword)
      throw new UserError('invalid-input', 'The vault has no password to remove.');
    await this.backoff.attempt(() => service.vaultHandle.verifyPassword(currentPassword));
    if (!service.vaultHandle.hasKeychainSlot) await service.vaultHandle.restoreKeychainSlot();
    if (readSettings(service.vaultHandle.current.settings).requirePasswordAtStart)
      await service.setSetting('requirePasswordAtStart', false);
    await service.vaultHandle.setPassword(null);
    this.emit();
    return this.status();
  }

  /** "Ask for the password at every start": removes (true) or restores (false) the keychain slot. */
  async setRequirePasswordAtStart(on: boolean): Promise<void> {
    const vault = this.get().vaultHandle;
    if (on) await vault.removeKeychainSlot();
    else if (!vault.hasKeychainSlot) await vault.restoreKeychainSlot();
  }

  /** Work that must finish with every lock (main clears the codes it copied); run after the key is gone. */
  onLock(hook: () => unknown): () => void {
    this.lockHooks.add(hook);
    return () => this.lockHooks.delete(hook);
  }

  /**
   * Locks: drops the decrypted vault and the master key (at once, before anything is awaited),
   * pending import previews and the backup scheduler, then waits for the onLock work; every
   * data call then fails with vault-locked until unlock(password). Without a password the
   * keychain alone opens the vault, so a lock would keep no one out.
   */
  async lock(): Promise<VaultStatus> {
    const service = this.get();
    if (!service.hasPassword) {
      throw new UserError(
        'invalid-input',
        'Set a vault password first (Settings › Security): without one, the keychain alone opens the vault, so locking would keep no one out.',
      );
    }
    this.keychainSlot = service.vaultHandle.hasKeychainSlot;
    this.dropService();
    this.hasPasswordSlot = true;
    this.lockedState = 'locked';
    this.lockedMessage = 'Enter your vault password to unlock.';
    this.emit();
    // A hook that fails (a clipboard that can't be read) must not leave the lock half done.
    await Promise.allSettled([...this.lockHooks].map(async (hook) => hook()));
    return this.status();
  }

  /** The settings that decide automatic locking, or null when there is nothing to lock (locked, or no password). */
  lockPolicy(): LockPolicy | null {
    if (!this.service?.hasPassword) return null;
    const settings = readSettings(this.service.vaultHandle.current.settings);
    return {
      autoLockMinutes: settings.autoLockMinutes,
      lockOnScreenLock: settings.lockOnScreenLock,
    };
  }

  /** Locks for an automatic reason (idle, screen lock, suspend) when the settings say so; true when it locked. */
  autoLock(trigger: LockTrigger): boolean {
    const policy = this.lockPolicy();
    if (!policy || (trigger !== 'idle' && !policy.lockOnScreenLock)) return false;
    // The key is dropped synchronously inside lock(); the rest (clearing the clipboard) follows.
    void this.lock().catch(() => undefined);
    return true;
  }

  private dropService(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.backupService?.stop();
    this.backupService = undefined;
    this.syncWatcher?.stop();
    this.syncWatcher = undefined;
    this.importService = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.service?.lock();
    this.service = undefined;
  }

  /** The open service, or the reason it is not open. */
  get(): AuthenticatorService {
    if (!this.service) throw new UserError('vault-locked', this.lockedMessage);
    return this.service;
  }

  /** Import review for the open vault. */
  imports(): ImportService {
    this.get();
    return this.importService!;
  }

  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What parses foreign bytes (imports, followed phone backups): the import sandbox outside unit tests. */
  importReader(): ImportReader {
    return Array.isArray(this.importers) ? inProcessReader(this.importers) : (this.importers as ImportReader);
  }

  /** Automatic backups of the open vault. */
  backups(): BackupService {
    this.get();
    return this.backupService!;
  }

  close(): void {
    this.service?.forgetDecodedKeys();
    this.watcher?.close();
    this.backupService?.stop();
    this.syncWatcher?.stop();
    if (!Array.isArray(this.importers)) void (this.importers as ImportReader).close?.();
  }

  private unsubscribe: (() => void) | undefined;

  private attach(service: AuthenticatorService): void {
    if (this.service !== service) this.service?.forgetDecodedKeys();
    this.service = service;
    service.passwordGate = this.backoff;
    this.importService = new ImportService(service, this.importers);
    this.backupService?.stop();
    this.backupService = new BackupService(service, () => this.emit());
    void this.backupService.start().catch(() => undefined);
    // Sync changes arrive without a restart: folder events, this vault's changes, and a slow poll.
    this.syncWatcher?.stop();
    this.syncWatcher = new SyncWatcher(service, this.importReader(), () => this.emit());
    this.syncWatcher.start();
    this.unsubscribe?.();
    this.unsubscribe = service.onChange(() => this.emit());
    this.watcher?.close();
    let timer: NodeJS.Timeout | undefined;
    // The CLI may write the vault while the app runs; fs.watch on the folder survives the atomic rename.
    // A new vault's folder is made here (empty) so it can be watched before the first save.
    mkdirSync(this.vaultDir, { recursive: true, mode: 0o700 });
    this.watcher = watch(this.vaultDir, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (this.service === service) void service.reloadIfChanged().catch(() => undefined);
      }, 100);
    });
    this.watcher.unref?.();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
