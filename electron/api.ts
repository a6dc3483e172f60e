/**
 * The one typed contract between the renderer and the main process, shared by the IPC
 * handlers, the preload, the renderer and the test bridge. Nothing here carries a secret
 * except the explicit reveal/export methods.
 */
import type { AccountSummary, HashAlgorithm, OtpType } from './core/otp/account';
import type { UserErrorKind } from './core/errors';
import type { Settings } from './core/settings';
import type { BackupSettings } from './core/backup/backup-settings';
import type { ExportFormat } from './core/exporters/export-format';
import type { AgeInnerFormat } from './core/exporters/age';
import type { AgeRecipientSummary } from './core/age/age-recipients';
import type { ClockCheck } from './time-check';

/** A paired browser as the pairings list shows it. */
export interface BrowserPairingSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

/** A browser asking to pair: the user checks that it shows the same code. */
export interface BrowserPendingPairing {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly requestedAt: number;
}

/** Codes for one account at a moment; `validFrom`/`validUntil` are unix seconds (0 for hotp). */
export interface AccountCodes {
  readonly id: string;
  readonly code: string;
  readonly next: string;
  readonly validFrom: number;
  readonly validUntil: number;
}

/** Whether the vault is open, and if not, why and how it can be opened. */
export interface VaultStatus {
  readonly state: 'unlocked' | 'locked' | 'unavailable';
  /** When not unlocked: what is wrong and what to do. */
  readonly message?: string;
  readonly hasPassword: boolean;
  readonly vaultDir: string;
  /** When vault.json is damaged: the ways to restore it (nothing is restored without the user asking). */
  readonly recovery?: VaultRecovery;
  /** When locked: the OS's user check that can unlock too (e.g. "Touch ID"), where available. */
  readonly systemAuth?: string;
  /** When locked after wrong passwords: milliseconds until the next try is allowed. */
  readonly retryInMs?: number;
}

/** What can replace a damaged vault file. */
export interface VaultRecovery {
  /** vault.json.bak, when it opens with this machine's keychain. */
  readonly previous: { readonly savedAt: number; readonly accounts: number } | null;
  /** The newest automatic backup (found through the previous version's backup folder setting). */
  readonly backup: { readonly file: string; readonly savedAt: number } | null;
}

/** Fields of a new account as entered in the add form (the secret is validated in main). */
export interface NewAccountFields {
  readonly secret: string;
  readonly issuer: string;
  readonly account: string;
  readonly type?: OtpType;
  readonly algorithm?: HashAlgorithm;
  readonly digits?: number;
  readonly period?: number;
  readonly counter?: number;
}

/** An account in the trash (no secret), kept so a delete can be undone even after a restart. */
export interface DeletedAccount {
  readonly account: AccountSummary;
  readonly deletedAt: number;
  /** Removed here (the default), removed by a sync merge, or a version a merge replaced. */
  readonly reason?: 'removed' | 'sync' | 'overwritten';
  /** What trash.restore takes: the account id, or a replaced version's own id. */
  readonly entryId?: string;
}

/** The sync status line and Settings › Sync: where this vault syncs, when it last did, and what went wrong. */
export interface SyncStatusView {
  /** The folder chosen for sync, or null when this vault does not sync through one. */
  readonly folder: string | null;
  readonly device: { readonly id: string; readonly name: string | null } | null;
  /** Unix seconds of the last sync, or null. */
  readonly lastSync: number | null;
  /** One line each: a damaged file, a missing folder, a newer format, a wrong backup password. */
  readonly problems: readonly string[];
  readonly follows: readonly { readonly folder: string; /** Aegis, 2FAS or Ente Auth */ readonly app: string; readonly lastFile: string | null }[];
}

/** A one-use pairing code to type on a new device, with the same code as a QR (SVG made in main). */
export interface PairingCode {
  readonly code: string;
  readonly qrSvg: string;
}

/** One device in the sync folder, as this device last read it. */
export interface SyncDevice {
  readonly id: string;
  readonly name: string;
  /** Unix seconds, or null when never seen. */
  readonly lastSeen: number | null;
  readonly you?: boolean;
}

/** What one sync did; problems are one line each (a skipped file, a wrong backup password). */
export interface SyncSummaryView {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly filesRead: number;
  readonly problems: readonly string[];
}

/** What a user may change on an existing account. */
export interface AccountPatch {
  readonly issuer?: string;
  readonly account?: string;
  readonly group?: string;
  readonly icon?: string;
  readonly favorite?: boolean;
}

/** A file handed to import; bytes as base64 so the same call works over IPC and the test bridge. */
export interface ImportFile {
  readonly fileName: string;
  readonly dataBase64: string;
}

/** Text found by the renderer: a pasted link, or what its QR worker decoded from an image. */
export interface ImportText {
  readonly source: string;
  readonly text: string;
}

/** One account found by an import, without its secret, with the existing account it duplicates. */
export interface ImportCandidate {
  readonly key: string;
  readonly source: string;
  readonly format: string;
  readonly type: OtpType;
  readonly issuer: string;
  readonly account: string;
  readonly algorithm: HashAlgorithm;
  readonly digits: number;
  readonly period: number;
  readonly counter: number;
  /** The file had no account name (AWS seed file): ask the user for one. */
  readonly needsName: boolean;
  /** Same secret, issuer and account as an existing account (or an earlier candidate). */
  readonly duplicateOf: { readonly id: string; readonly label: string } | null;
}

/** Something an import could not read: a whole file or one entry. */
export interface ImportProblem {
  /** `file`: nothing was read from it; `entry`: one account was skipped, the rest import. */
  readonly scope: 'file' | 'entry';
  readonly source: string;
  readonly message: string;
}

/** What an import found, kept in main (with the secrets) until it is committed or discarded. */
export interface ImportPreview {
  readonly id: string;
  readonly candidates: readonly ImportCandidate[];
  readonly problems: readonly ImportProblem[];
  /** Encrypted files waiting for their password. */
  readonly locked: readonly {
    readonly fileName: string;
    readonly format: string;
    /** Set when the format is only a guess from opaque bytes: says the file may be no export at all. */
    readonly note?: string;
    /** Set for age files: they open with an identity (an age key or SSH private key; see imports.unlockWithIdentity). */
    readonly unlocksWith?: 'identity';
  }[];
}

/** What to do with one candidate. Duplicates default to skip. */
export type ImportAction = 'add' | 'skip' | 'replace' | 'keep-both';

export interface ImportDecision {
  readonly key: string;
  readonly action: ImportAction;
  /** Names edited in the review (e.g. the account name an AWS seed file lacks). */
  readonly issuer?: string;
  readonly account?: string;
}

/** What a committed import changed. */
export interface ImportOutcome {
  readonly added: number;
  readonly replaced: number;
  readonly skipped: number;
}

/** One display's picture from "Scan screen", in physical pixels (HiDPI displays are not downscaled). */
export interface ScreenCapture {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly pngBase64: string;
}

/** Automatic backups: their settings (never the key) and how the last attempts went. */
export interface BackupStatus {
  readonly folder: string;
  readonly keep: number;
  readonly passwordSet: boolean;
  readonly promptDismissed: boolean;
  /** When the newest backup was written (ms; found in the folder at start, or written since). */
  readonly lastSuccessAt: number | null;
  readonly lastFile: string | null;
  /** The last attempt failed; stays until a backup succeeds (retried on every change and on a timer). */
  readonly lastError: { readonly message: string; readonly at: number; readonly attempts: number } | null;
  /** A change is waiting for its backup. */
  readonly pending: boolean;
  /** Why the last check wrote nothing, when that is worth telling (backups off, empty vault). */
  readonly note: string | null;
}

/** An export to make: a format, the accounts (all when `ids` is absent), and passwords where needed. */
export interface ExportRequest {
  /** `pdf` is the printable sheet printed by the app (not available in the browser test harness). */
  readonly format: ExportFormat | 'pdf';
  readonly ids?: readonly string[];
  /** Encrypts the `aegis` and `kdbx` formats (KeePass: at least 8 characters). */
  readonly password?: string;
  /** `bitwarden` only: an organisation export into this collection (groups become `NAME/Group`). */
  readonly collection?: string;
  /** The vault password, required when one is set (re-authentication before secrets leave main). */
  readonly vaultPassword?: string;
  /** `age` only: the recipients' public keys, one a line; the format inside (otpauth links by default); PEM-style text. */
  readonly recipients?: string;
  readonly inner?: AgeInnerFormat;
  readonly armor?: boolean;
}

/** One exported file; bytes as base64 so the call works over IPC and the bridge. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly dataBase64: string;
}

/** The files of an export and the accounts its format could not carry (named, never their secrets). */
export interface ExportResult {
  readonly files: readonly ExportedFile[];
  readonly skipped: readonly { readonly where: string; readonly message: string }[];
  /** False: the files hold secrets in the clear, and the UI says so. */
  readonly encrypted: boolean;
}

/** One account's secret for "Show QR" / "Reveal key". */
export interface RevealedAccount {
  readonly id: string;
  readonly uri: string;
  readonly secret: string;
  /** The otpauth URI as a QR code (SVG markup generated in main). */
  readonly qrSvg: string;
}

/** Links opened from the OS (otpauth://, otpauth-migration://), handed to the import review. */
export interface LinkDelivery {
  /** Links to read into the import review (only handed over while the vault is unlocked). */
  readonly texts: readonly ImportText[];
  /** Links that could not be read: one message each, never the link itself. */
  readonly problems: readonly string[];
  /** Links waiting for the vault to be unlocked. */
  readonly waitingForUnlock: number;
}

/** Whether the global shortcut that opens the quick-copy panel is in force. */
export interface ShortcutStatus {
  /** The Electron accelerator, e.g. `CommandOrControl+Alt+O`; '' when turned off. */
  readonly accelerator: string;
  /** As the user's OS writes it, e.g. `Ctrl+Alt+O` or `Cmd+Option+O`. */
  readonly label: string;
  readonly registered: boolean;
  /** Why it is not in force (taken by another app, not a valid key), and what to do. */
  readonly message: string | null;
}

/** The API exposed to the renderer as `window.otpDesk`. Every method returns a promise of ApiResult. */
export interface OtpDeskApi {
  vault: {
    status(): VaultStatus;
    unlock(password: string): VaultStatus;
    /** Restores a damaged vault from its previous version or (with the backup password) the newest automatic backup. */
    recover(from: 'previous' | 'backup', backupPassword?: string): VaultStatus;
    /** Sets the vault password (at least 8 characters), or changes it with the current one. Only the password slot is re-wrapped. */
    setPassword(newPassword: string, currentPassword?: string): VaultStatus;
    /** Removes the vault password (the keychain alone opens the vault again); needs the current one. */
    removePassword(currentPassword: string): VaultStatus;
    /** Drops the decrypted vault and master key from main; needs a vault password. State becomes `locked`. */
    lock(): VaultStatus;
    /** Unlocks after the OS's own user check (Touch ID on macOS) where `status().systemAuth` says it is available. */
    unlockWithSystemAuth(): VaultStatus;
  };
  accounts: {
    list(): AccountSummary[];
    addUri(uri: string): AccountSummary;
    addFields(fields: NewAccountFields): AccountSummary;
    update(id: string, patch: AccountPatch): AccountSummary;
    remove(id: string): void;
    restore(id: string): AccountSummary;
    reorder(ids: string[]): void;
    advanceCounter(id: string): void;
    markUsed(id: string): void;
  };
  imports: {
    /** Reads files by content. With `into` (a preview id) they join that review instead of starting one. */
    previewFiles(files: ImportFile[], into?: string): ImportPreview;
    /** Reads pasted or QR-decoded texts, read together so a Google export's batches are matched up. */
    previewTexts(texts: ImportText[], into?: string): ImportPreview;
    /** Tries a password on the preview's locked files; a wrong one leaves the preview as it was. */
    unlock(previewId: string, password: string): ImportPreview;
    /** Opens the preview's age files with an identity (age key file or SSH private key text, never echoed back); `name` is for messages. */
    unlockWithIdentity(previewId: string, identity: string, name: string, passphrase?: string): ImportPreview;
    /** Saves the confirmed candidates in one write: all of them, or none on any error. */
    commit(previewId: string, decisions: ImportDecision[]): ImportOutcome;
    discard(previewId: string): void;
  };
  codes: {
    /** Codes for every account at `atMs` (milliseconds, the renderer's clock; the service adds the user's offset). */
    at(atMs: number): AccountCodes[];
  };
  settings: {
    get(): Settings;
    /** Validates and stores the changed fields; returns the settings now in force. */
    set(patch: Partial<Settings>): Settings;
  };
  clock: {
    /** Compares the system clock with the HTTP Date of the server set in settings (only when the check is on). */
    check(): ClockCheck;
  };
  clipboard: {
    /** Clears the system clipboard if it still holds `text`; answers nothing (a yes/no would reveal the clipboard); fails where main has no clipboard. */
    clearIf(text: string): void;
    /** Main copies `text` and clears it after the set delay, on lock and on quit if it is still there; fails where main has no clipboard. */
    copy(text: string): boolean;
  };
  trash: {
    /** Accounts deleted in the last 30 days, newest first; accounts.restore brings one back. */
    list(): DeletedAccount[];
    /** Restores a Trash entry by its entryId: a removed account comes back, a replaced version is taken again. */
    restore(entryId: string): AccountSummary;
  };
  sync: {
    /** Where and when this vault last synced, and any problem (no secrets, no account data). */
    status(): SyncStatusView;
    /** Starts a sync folder with this device as its first member. */
    setup(folder: string, deviceName: string): SyncStatusView;
    /** A new one-use pairing code (replacing any earlier one). */
    pairingCode(): PairingCode;
    /** Sets the sync password other devices can join with (replacing any earlier one). */
    setPassword(password: string): SyncStatusView;
    /** Joins a sync folder with a pairing code or the sync password. */
    join(folder: string, secret: { readonly code?: string; readonly password?: string }, deviceName: string): SyncStatusView;
    now(): SyncSummaryView;
    devices(): SyncDevice[];
    /** Removes a device (the folder gets a new key); returns its name. */
    removeDevice(id: string): string;
    /** Stops syncing here; the accounts stay. */
    leave(): SyncStatusView;
    /** Follows a phone's Aegis, 2FAS or Ente Auth backup folder (checked with the password first). */
    follow(folder: string, password: string): SyncSummaryView;
    unfollow(folder: string): SyncStatusView;
    /** The system folder picker (app only; '' when cancelled). */
    chooseFolder(): string;
  };
  screen: {
    /** A full-resolution PNG of every display, for the renderer's QR search; fails where there is no screen capture. */
    capture(): ScreenCapture[];
  };
  backups: {
    status(): BackupStatus;
    /** Changes the folder, how many to keep, or the banner's dismissal. */
    configure(patch: Partial<BackupSettings>): BackupStatus;
    /** Derives the backup key from `password` (the password itself is never stored). Needs the vault password when one is set. */
    setPassword(password: string, vaultPassword?: string): BackupStatus;
    /** Writes a backup now, even if nothing changed. */
    runNow(): BackupStatus;
    /** The system folder picker (app only; '' when cancelled). */
    chooseFolder(): string;
    /** Reads the newest backup in the folder into an import review: restore in one click. */
    previewLatest(): ImportPreview;
  };
  desktop: {
    /** Hides the quick-copy panel (after a copy, or Esc); false where there is no panel (the browser harness). */
    hidePanel(): boolean;
    /** Takes the links opened from the OS (see LinkDelivery). */
    takeLinks(): LinkDelivery;
    /** The global shortcut's state, after the last attempt to register it. */
    shortcut(): ShortcutStatus;
  };
  browser: {
    /** Browsers paired for fill (never their keys). */
    pairings(): BrowserPairingSummary[];
    /** Pairing requests waiting for the user to compare codes and confirm. */
    pendingPairings(): BrowserPendingPairing[];
    /** The user compared the codes: keep (true) or drop the pairing. */
    confirmPairing(id: string, accept: boolean): void;
    unpair(id: string): void;
    /** Where an account may be filled (domains; `http://` prefix allows plain http). */
    setSites(accountId: string, sites: string[]): AccountSummary;
    /** Registers the native host for a browser (chrome, chromium, edge, brave, firefox); returns the manifests written. */
    installHost(browser: string): string[];
  };
  exports: {
    /** Builds an export of all or the chosen accounts; needs the vault password when one is set. */
    create(request: ExportRequest): ExportResult;
    /** One account's key, link and QR code; needs the vault password when one is set. */
    reveal(id: string, vaultPassword?: string): RevealedAccount;
    /**
     * Main asks where to save (the native save dialog) and writes the file owner-only (0600), as
     * the CLI does; 'unavailable' where main has no save dialog (the browser harness downloads).
     */
    save(file: ExportedFile): 'saved' | 'cancelled' | 'unavailable';
    /** Each age recipient's type and fingerprint (for the recipients box); fails naming a malformed line. */
    describeRecipients(text: string): AgeRecipientSummary[];
  };
}

/** Method names per namespace, the runtime twin of OtpDeskApi (checked against it below). */
export const API_METHODS = {
  vault: ['status', 'unlock', 'recover', 'setPassword', 'removePassword', 'lock', 'unlockWithSystemAuth'],
  accounts: ['list', 'addUri', 'addFields', 'update', 'remove', 'restore', 'reorder', 'advanceCounter', 'markUsed'],
  imports: ['previewFiles', 'previewTexts', 'unlock', 'unlockWithIdentity', 'commit', 'discard'],
  codes: ['at'],
  settings: ['get', 'set'],
  clock: ['check'],
  clipboard: ['clearIf', 'copy'],
  trash: ['list', 'restore'],
  sync: ['status', 'setup', 'pairingCode', 'setPassword', 'join', 'now', 'devices', 'removeDevice', 'leave', 'follow', 'unfollow', 'chooseFolder'],
  screen: ['capture'],
  backups: ['status', 'configure', 'setPassword', 'runNow', 'chooseFolder', 'previewLatest'],
  exports: ['create', 'reveal', 'save', 'describeRecipients'],
  desktop: ['hidePanel', 'takeLinks', 'shortcut'],
  browser: ['pairings', 'pendingPairings', 'confirmPairing', 'unpair', 'setSites', 'installHost'],
} as const satisfies { [N in keyof OtpDeskApi]: readonly (keyof OtpDeskApi[N])[] };

// Compile-time check that every method of OtpDeskApi is listed in API_METHODS.
type Listed = { [N in keyof typeof API_METHODS]: (typeof API_METHODS)[N][number] };
type AllListed = { [N in keyof OtpDeskApi]: Exclude<keyof OtpDeskApi[N], Listed[N]> }[keyof OtpDeskApi];
const _everyMethodListed: [AllListed] extends [never] ? true : false = true;
void _everyMethodListed;

/** A failure the user can read; `internal` hides anything unexpected (details go to the main log only). */
export interface ApiError {
  readonly kind: UserErrorKind | 'internal';
  readonly message: string;
}

/** Every call crosses process boundaries as a value, so error kinds survive IPC and the bridge. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

type Method = (...args: never[]) => unknown;
type Remote<F> = F extends Method ? (...args: Parameters<F>) => Promise<ApiResult<ReturnType<F>>> : never;

/** The shape of `window.otpDesk`: each method of OtpDeskApi, async and wrapped in ApiResult. */
export type RemoteApi = { readonly [N in keyof OtpDeskApi]: { readonly [M in keyof OtpDeskApi[N]]: Remote<OtpDeskApi[N][M]> } } & {
  /** Subscribes to "the vault changed" (another process wrote it, or a method changed it). Returns unsubscribe. */
  readonly onChanged: (listener: () => void) => () => void;
};

/** The handlers main registers: same names, may be async. Arguments arrive unchecked (unknown). */
export type ApiHandlers = {
  readonly [N in keyof OtpDeskApi]: {
    readonly [M in keyof OtpDeskApi[N]]: (...args: unknown[]) => Promise<ReturnType<Extract<OtpDeskApi[N][M], Method>>> | ReturnType<Extract<OtpDeskApi[N][M], Method>>;
  };
};

/** The IPC channel of a method, e.g. `otp-desk:accounts.list`. */
export function apiChannel(namespace: string, method: string): string {
  return `otp-desk:${namespace}.${method}`;
}

/** The channel main uses to tell renderers the vault changed. */
export const CHANGED_CHANNEL = 'otp-desk:changed';
