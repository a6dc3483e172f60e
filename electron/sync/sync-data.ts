import type { FollowedAppId } from './followed-app-info';
import type { HlcClock } from '../core/sync/stamp';
import type { SyncState } from '../core/sync/sync-state';

/** A sync key this device holds: the newest encrypts what it writes; older ones still read old files. */
export interface HeldSyncKey {
  readonly id: string;
  /** base64 */
  readonly key: string;
}

/** This vault's link to a sync folder (device-local: never written to the folder in the clear). */
export interface FolderLink {
  /** The folder the user chose; OTP Desk keeps `OTP Desk Sync/` inside it. */
  readonly path: string;
  readonly deviceName: string;
  /** This device's X25519 key pair (DER, base64): the folder wraps the sync key to the public key. */
  readonly publicKey: string;
  readonly privateKey: string;
  readonly keys: readonly HeldSyncKey[];
  /** Per device id: its name and when its file last changed (as this device saw it). */
  readonly devices: Readonly<Record<string, { readonly name: string; readonly lastSeen: number }>>;
}

/** A followed folder of phone-app backups (Aegis, 2FAS, Ente Auth): read one way, into this vault. */
export interface FollowLink {
  readonly folder: string;
  /** The app whose backups are read (absent: Aegis, the only one follows were made for at first). */
  readonly app?: FollowedAppId;
  /** The backups' password, kept inside the encrypted vault. */
  readonly password: string;
  /** The id stamps from this follow carry (one per followed folder). */
  readonly deviceId: string;
  /** The phone's accounts as of the last backup read, with the stamps given to its changes. */
  readonly state: SyncState;
  /** The backup file last read (name and size + mtime), so an unchanged folder costs one listing. */
  readonly lastFile?: string;
}

/** Everything sync keeps in the vault (encrypted with it). Absent until sync or a follow is set up. */
export interface SyncData {
  /** This vault's id as a sync device (stamps, its file's name). */
  readonly deviceId: string;
  readonly clock: HlcClock;
  /** This device's view: every account with its stamps, the deletions and the replaced versions. */
  readonly state: SyncState;
  readonly folder?: FolderLink;
  readonly follows: readonly FollowLink[];
  readonly lastSync?: number;
  /** Problems of the last sync, one line each (a damaged file, a folder gone, a newer format). */
  readonly problems: readonly string[];
}
