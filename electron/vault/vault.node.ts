import { randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors';
import { MIN_PASSWORD_LENGTH } from '../core/password/password-length';
import { deriveKey, newScryptParams, open, randomKey, seal, sealBytes } from './crypto.node';
import { UNLOCK_WITH_PASSWORD, type KeyStore } from './keychain';
import { withFileLock } from './lock.node';
import { VAULT_FILE_NAME } from './paths.node';
import { EMPTY_VAULT_DATA, type VaultData } from './vault-data';
import { hasKeychainSlot, headerAad, readVaultFile, VAULT_SCHEMA_VERSION, writeVaultFileAtomically, type PasswordSlot, type Slot, type VaultFile } from './vault-file.node';

/** How to unlock: the keychain (default) or the vault password. */
export interface UnlockOptions {
  readonly password?: string;
  /**
   * Start an empty vault when the folder has none (the app and `add`/`import` do; `list` does not
   * need to). Nothing is written, to disk or keychain, until the first change is saved.
   */
  readonly create?: boolean;
}

const wrongPassword = () => new UserError('wrong-password', 'The vault password is wrong. Try again; nothing was changed.');

function decodeData(plain: Buffer): VaultData {
  const data = JSON.parse(plain.toString('utf8')) as Partial<VaultData>;
  return { ...EMPTY_VAULT_DATA, ...data };
}

/**
 * The encrypted vault on disk. Holds the master key in memory once unlocked; every write
 * happens under the file lock, on top of the newest file on disk, and replaces it atomically.
 */
export class Vault {
  private constructor(
    readonly dir: string,
    private readonly keyStore: KeyStore,
    private masterKey: Buffer,
    private file: VaultFile,
    private data: VaultData,
    /** For a vault not yet on disk: its keychain key, stored with the first save. */
    private unsaved?: { readonly keychainKey: string; readonly password?: string },
  ) {}

  /** False until the first change of a new vault is saved (no file, no keychain item before). */
  get saved(): boolean {
    return this.unsaved === undefined;
  }

  /** The vault file's path. */
  get path(): string {
    return join(this.dir, VAULT_FILE_NAME);
  }
  get id(): string {
    return this.file.id;
  }
  get revision(): number {
    return this.file.revision;
  }
  get hasPassword(): boolean {
    return this.file.slots.some((slot) => slot.type === 'password');
  }
  /** The decrypted database as last read or written; after lock() every read fails (never an empty vault that could be backed up). */
  get current(): VaultData {
    if (this.isLocked) throw new UserError('vault-locked', 'The vault is locked. Unlock it first.');
    return this.data;
  }

  /** True once lock() dropped the key: every further use fails. */
  get isLocked(): boolean {
    return this.masterKey.length === 0;
  }

  /**
   * Drops the master key (overwritten, not just unreferenced) and the decrypted data from this
   * object. The vault must be opened again (Vault.open) to be used.
   */
  lock(): void {
    this.masterKey.fill(0);
    this.masterKey = Buffer.alloc(0);
    this.data = EMPTY_VAULT_DATA;
  }

  /**
   * Throws wrong-password unless `password` opens the password slot in the newest file on disk
   * and that slot holds this vault's own master key (a slot another file brought in doesn't count).
   */
  async verifyPassword(password: string): Promise<void> {
    if (this.isLocked) throw new UserError('vault-locked', 'The vault is locked. Unlock it first.');
    const file = (await readVaultFile(this.path)) ?? this.file;
    const slot = file.slots.find((s): s is PasswordSlot => s.type === 'password');
    if (!slot) throw new UserError('invalid-input', 'This vault has no password set.');
    const unwrapped = await unwrapWithPassword(password, slot);
    const same = unwrapped.length === this.masterKey.length && timingSafeEqual(unwrapped, this.masterKey);
    unwrapped.fill(0);
    if (!same) throw wrongPassword();
  }

  /** Whether the keychain slot is present (absent in "ask for the password at every start" mode). */
  get hasKeychainSlot(): boolean {
    return hasKeychainSlot(this.file);
  }

  /** Removes the keychain slot from the file, then the keychain item: only the password opens the vault. */
  async removeKeychainSlot(): Promise<void> {
    if (!this.hasPassword) throw new UserError('invalid-input', 'Set a vault password first: without the keychain, only the password opens the vault.');
    await this.replaceSlot('keychain', null);
    // The file no longer needs the item; a keychain that can't delete it leaves a key that opens nothing.
    await this.keyStore.delete(this.id).catch(() => false);
  }

  /** Opens (or, with `create`, creates) the vault in `dir`. */
  static async open(dir: string, keyStore: KeyStore, options: UnlockOptions = {}): Promise<Vault> {
    const path = join(dir, VAULT_FILE_NAME);
    const file = await readVaultFile(path);
    if (!file) {
      if (!options.create) {
        throw new UserError('not-found', `There is no vault in ${dir} yet. Add an account first (otp-desk add …).`);
      }
      return Vault.create(dir, keyStore, options.password);
    }
    const masterKey = await Vault.unwrapMasterKey(file, keyStore, options.password).catch(async (error: unknown) => {
      // A changed byte in the header (id, keychain slot) looks like a missing or wrong key; if the previous
      // version opens with the same keychain, the key is fine and this file is damaged.
      const isKeyProblem = error instanceof UserError && error.kind === 'vault-locked' && options.password === undefined;
      if (isKeyProblem && (await Vault.openFile(`${path}.bak`, dir, keyStore).then((previous) => { previous.lock(); return true; }, () => false))) throw Vault.damaged(path);
      throw error;
    });
    const data = decodeData(open(masterKey, file.db, () => Vault.damaged(path), headerAad(file)));
    const vault = new Vault(dir, keyStore, masterKey, file, data);
    if (file.version < VAULT_SCHEMA_VERSION) await vault.migrate();
    return vault;
  }

  /** Rewrites an older vault in the current schema (binding its header to the database), keeping its key and slots. */
  private async migrate(): Promise<void> {
    await this.locked(async () => {
      await this.reload();
      if (this.file.version < VAULT_SCHEMA_VERSION) await this.writeLocked(this.file, this.data);
    });
  }

  /** Opens the vault file at `path` (e.g. vault.json.bak) through the keychain, to check it and read it. Never write through it. */
  static async openFile(path: string, dir: string, keyStore: KeyStore): Promise<Vault> {
    const file = await readVaultFile(path);
    if (!file) throw new UserError('not-found', `There is no vault file at ${path}.`);
    const masterKey = await Vault.unwrapMasterKey(file, keyStore);
    return new Vault(dir, keyStore, masterKey, file, decodeData(open(masterKey, file.db, () => Vault.damaged(path), headerAad(file))));
  }

  private static damaged(path: string) {
    return new UserError('integrity', `The vault file ${path} failed its integrity check. Restore ${path}.bak or a backup.`);
  }

  /** A new vault in memory only: a command or import that fails leaves no file and no keychain item behind. */
  private static async create(dir: string, keyStore: KeyStore, password?: string): Promise<Vault> {
    const id = randomUUID();
    const masterKey = randomKey();
    const keychainKey = randomKey();
    const slots: Slot[] = [{ type: 'keychain', key: seal(keychainKey, masterKey) }];
    const unsaved = { keychainKey: keychainKey.toString('base64'), ...(password ? { password } : {}) };
    keychainKey.fill(0);
    if (password) slots.push(await Vault.passwordSlot(password, masterKey));
    const header = { format: 'otp-desk-vault', version: VAULT_SCHEMA_VERSION, id, slots } as const;
    const file: VaultFile = {
      ...header,
      revision: 0,
      db: sealBytes(masterKey, Buffer.from(JSON.stringify(EMPTY_VAULT_DATA)), headerAad(header)),
    };
    return new Vault(dir, keyStore, masterKey, file, EMPTY_VAULT_DATA, unsaved);
  }

  private static async passwordSlot(password: string, masterKey: Buffer): Promise<PasswordSlot> {
    const scrypt = newScryptParams();
    const derived = await deriveKey(password, scrypt);
    try {
      return { type: 'password', scrypt, key: seal(derived, masterKey) };
    } finally {
      derived.fill(0);
    }
  }

  private static async unwrapMasterKey(file: VaultFile, keyStore: KeyStore, password?: string): Promise<Buffer> {
    if (password !== undefined) {
      const slot = file.slots.find((s): s is PasswordSlot => s.type === 'password');
      if (!slot) throw new UserError('vault-locked', 'This vault has no password set; it unlocks through the OS keychain only.');
      return unwrapWithPassword(password, slot);
    }
    const stored = await keyStore.get(file.id);
    const slot = file.slots.find((s) => s.type === 'keychain');
    if (!stored || !slot) {
      const withPassword = file.slots.some((s) => s.type === 'password')
        ? `To open it, ${UNLOCK_WITH_PASSWORD}; that restores the keychain item.`
        : 'Restore the keychain item, or restore your accounts from a backup into a new vault.';
      throw new UserError('vault-locked', `The ${keyStore.description} has no key for this vault (id ${file.id}); it was deleted or this is another user or machine. ${withPassword} Your vault was not changed.`);
    }
    const keychainKey = Buffer.from(stored, 'base64');
    try {
      return open(keychainKey, slot.key, () =>
        new UserError('vault-locked', `The key in the ${keyStore.description} for this vault (id ${file.id}) is the wrong key: it does not open the vault. To open it, ${UNLOCK_WITH_PASSWORD}, or restore a backup; your vault was not changed.`),
      );
    } finally {
      keychainKey.fill(0);
    }
  }

  /**
   * Re-reads the file if another process changed it. Returns true when the data changed. A vault
   * another process created or replaced (a new id) is adopted when the keychain opens it.
   */
  async reload(): Promise<boolean> {
    const file = await readVaultFile(this.path);
    if (!file || (this.saved && file.id === this.file.id && file.revision === this.file.revision && file.db.nonce === this.file.db.nonce)) return false;
    if (this.isLocked) throw new UserError('vault-locked', 'The vault is locked. Unlock it first.');
    if (!this.saved || file.id !== this.file.id) {
      const previous = this.masterKey;
      this.masterKey = await Vault.unwrapMasterKey(file, this.keyStore, this.unsaved?.password);
      previous.fill(0);
      this.unsaved = undefined;
    }
    this.data = decodeData(open(this.masterKey, file.db, () => Vault.damaged(this.path), headerAad(file)));
    this.file = file;
    return true;
  }

  /**
   * Applies `change` to the newest data on disk and saves it. If `change` throws, nothing is
   * written. Returns the saved data.
   */
  async update(change: (data: VaultData) => VaultData): Promise<VaultData> {
    return this.locked(async () => {
      await this.reload();
      const next = change(this.data);
      await this.writeLocked(this.file, next);
      return next;
    });
  }

  /**
   * Writes `data` under `file`'s header in the current schema, sealed with the header as
   * additional data. One atomic replace, so a crash leaves the old file or the new one whole
   * (a password change opens with the old password or the new one, never neither).
   */
  private async writeLocked(file: VaultFile, data: VaultData): Promise<void> {
    if (this.isLocked) throw new UserError('vault-locked', 'The vault is locked. Unlock it first.');
    const header = { format: file.format, version: VAULT_SCHEMA_VERSION, id: file.id, slots: file.slots };
    const db = sealBytes(this.masterKey, Buffer.from(JSON.stringify(data)), headerAad(header));
    const next: VaultFile = { ...header, revision: this.file.revision + 1, db };
    const unsaved = this.unsaved;
    // A new vault's keychain item goes first: if the keychain refuses, no file appears.
    if (unsaved) await this.keyStore.set(this.id, unsaved.keychainKey);
    try {
      await writeVaultFileAtomically(this.path, next);
    } catch (error) {
      // The item goes again only while no file needs it: a vault.json of this id on disk (however
      // the save got there) keeps its key, or the first account would be lost with it.
      const onDisk = await readVaultFile(this.path).catch(() => undefined);
      if (unsaved && onDisk?.id !== this.id) await this.keyStore.delete(this.id).catch(() => false);
      throw error;
    }
    this.unsaved = undefined;
    this.file = next;
    this.data = data;
  }

  /** Runs `work` under the vault's lock; for a new vault, creates its folder first and removes it again if nothing was saved. */
  private async locked<T>(work: () => Promise<T>): Promise<T> {
    if (this.saved) return withFileLock(`${this.path}.lock`, work);
    const created = await mkdir(this.dir, { recursive: true, mode: 0o700 });
    try {
      return await withFileLock(`${this.path}.lock`, work);
    } finally {
      if (created && !this.saved) await removeEmptyFolders(this.dir, created);
    }
  }

  /** Sets, replaces or (with null) removes the password slot. */
  async setPassword(password: string | null): Promise<void> {
    if (password !== null && password.length < MIN_PASSWORD_LENGTH) throw new UserError('invalid-input', `Use a vault password of at least ${MIN_PASSWORD_LENGTH} characters. Nothing was changed.`);
    await this.replaceSlot('password', password ? await Vault.passwordSlot(password, this.masterKey) : null);
  }

  /**
   * Writes a fresh keychain item and slot when the keychain has no key that opens this vault's
   * keychain slot (a password unlock on a machine whose keychain lost it, or the slot was removed).
   * A key that still opens it is kept: copies of the vault folder and vault.json.bak go on opening.
   */
  async restoreKeychainSlot(): Promise<void> {
    if (!this.saved || (await this.keychainOpens())) return;
    const keychainKey = randomKey();
    try {
      await this.keyStore.set(this.id, keychainKey.toString('base64'));
      await this.replaceSlot('keychain', { type: 'keychain', key: seal(keychainKey, this.masterKey) });
    } finally {
      keychainKey.fill(0);
    }
  }

  /** Whether the keychain's item opens the keychain slot of the newest file on disk. */
  private async keychainOpens(): Promise<boolean> {
    const file = (await readVaultFile(this.path)) ?? this.file;
    if (!hasKeychainSlot(file)) return false;
    const key = await Vault.unwrapMasterKey(file, this.keyStore).catch(() => null);
    key?.fill(0);
    return key !== null;
  }

  /** Replaces (or with null removes) the slot of one type, under the lock, on top of the newest file. */
  private async replaceSlot(type: Slot['type'], slot: Slot | null): Promise<void> {
    await this.locked(async () => {
      await this.reload();
      const others = this.file.slots.filter((s) => s.type !== type);
      await this.writeLocked({ ...this.file, slots: slot ? [...others, slot] : others }, this.data);
    });
  }
}

/** Unwraps a password slot's master key; the scrypt-derived key is wiped once used. */
async function unwrapWithPassword(password: string, slot: PasswordSlot): Promise<Buffer> {
  const derived = await deriveKey(password, slot.scrypt);
  try {
    return open(derived, slot.key, wrongPassword);
  } finally {
    derived.fill(0);
  }
}

/** Removes `dir` and its parents up to `top` while they are empty (a folder made for a save that failed). */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let folder = dir; ; folder = dirname(folder)) {
    if (!(await rmdir(folder).then(() => true, () => false)) || folder === top || dirname(folder) === folder) return;
  }
}
