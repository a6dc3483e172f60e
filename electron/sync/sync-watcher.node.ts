import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportReader } from '../core/importers/import-reader';
import { latestStamp } from '../core/sync/merge';
import { stampKey } from '../core/sync/stamp';
import type { AuthenticatorService } from '../service';
import { DEVICES_DIR, syncDir } from './folder-file.node';
import { syncNow } from './sync-actions.node';

/** Network folders often send no change events: they are read at least this often. */
export const SLOW_POLL_MS = 60_000;
/** Sync apps write in bursts (temp file, rename, conflict copy): one sync after the burst. */
const SETTLE_MS = 750;

/** One folder's watcher and which directory it watches: a deleted and re-created folder is another one. */
interface Watched {
  readonly watcher: FSWatcher | null;
  readonly identity: string | null;
}

/** Which directory is at `folder` now (inode and birth time, as an inode number can be reused), or null when none is. */
function identityOf(folder: string): string | null {
  try {
    const info = statSync(folder);
    return `${info.ino}:${info.birthtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * Keeps the open vault in sync while the app runs: a sync when a file in the sync folder or a
 * followed folder changes, when this vault changes, and on a slow poll. Idle, it costs one
 * watcher per folder and one timer a minute.
 *
 * Plain fs.watch, not chokidar or @parcel/watcher: the folders are flat (no recursion needed),
 * any event only schedules a full re-read, and what fs.watch does not survive (a watched folder
 * deleted and re-created, as a sync app or a remounted network drive does) chokidar does not
 * either (paulmillr/chokidar#1278, #1207). So after every sync, and so at least on each slow
 * poll, each folder's identity (inode, birth time) is checked and its watcher re-armed when the
 * folder is a new one; the chosen folder is watched for its `OTP Desk Sync` subfolder coming back.
 */
export class SyncWatcher {
  private watched = new Map<string, Watched>();
  private poll: NodeJS.Timeout | undefined;
  private settle: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private watchedKey = '';
  /** The newest stamp at our last sync: a local change makes a newer one. */
  private syncedStamp = '';
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly service: AuthenticatorService,
    /** Parses followed backups: the import sandbox, so a new phone backup never blocks or reaches main. */
    private readonly reader: ImportReader,
    private readonly onSynced: () => void = () => undefined,
  ) {}

  start(): void {
    this.unsubscribe = this.service.onChange(() => {
      this.rewatch();
      if (this.newestStamp() !== this.syncedStamp) this.schedule();
    });
    this.rewatch();
    this.poll = setInterval(() => this.schedule(), SLOW_POLL_MS);
    this.poll.unref?.();
    this.schedule();
  }

  stop(): void {
    this.unsubscribe?.();
    clearInterval(this.poll);
    clearTimeout(this.settle);
    this.closeAll();
  }

  private closeAll(): void {
    for (const w of this.watched.values()) w.watcher?.close();
    this.watched.clear();
  }

  /** Resolves after any sync in progress (tests wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private newestStamp(): string {
    const state = this.syncData()?.state;
    const stamp = state && latestStamp(state);
    return stamp ? stampKey(stamp) : '';
  }

  private syncData() {
    try {
      return this.service.vaultHandle.current.sync;
    } catch {
      return undefined;
    }
  }

  /** The folders to watch now (they change with setup, join, follow, leave), each with the names that matter there. */
  private folders(): Map<string, ((name: string) => boolean)> {
    const sync = this.syncData();
    const any = (name: string) => !name.startsWith('.');
    const out = new Map<string, (name: string) => boolean>();
    if (sync?.folder) {
      const dir = syncDir(sync.folder.path);
      out.set(sync.folder.path, (name) => name === basename(dir));
      out.set(dir, any);
      out.set(join(dir, DEVICES_DIR), any);
    }
    for (const f of sync?.follows ?? []) out.set(f.folder, any);
    return out;
  }

  /** Watches the folders the vault syncs with now; re-arms one that was deleted, re-created or appeared. */
  private rewatch(): void {
    const folders = this.folders();
    const key = [...folders.keys()].join('\n');
    if (key !== this.watchedKey) {
      this.watchedKey = key;
      this.closeAll();
    }
    for (const [folder, matters] of folders) {
      const identity = identityOf(folder);
      const current = this.watched.get(folder);
      if (current && current.identity === identity && (current.watcher || identity === null)) continue;
      current?.watcher?.close();
      this.watched.set(folder, { watcher: identity === null ? null : this.watch(folder, matters), identity });
    }
  }

  private watch(folder: string, matters: (name: string) => boolean): FSWatcher | null {
    try {
      const watcher = watch(folder, (_event, name) => {
        // Our own temp files and the sync apps' partial downloads settle into a rename we see anyway.
        if (name && !matters(String(name))) return;
        this.schedule();
      });
      // A watcher that fails is dropped; the sync this schedules re-arms it once the folder is back.
      watcher.on('error', () => {
        watcher.close();
        if (this.watched.get(folder)?.watcher === watcher) this.watched.delete(folder);
        this.schedule();
      });
      watcher.unref?.();
      return watcher;
    } catch {
      // Not there (any more): the slow poll reads it when it appears, and sync status says so.
      return null;
    }
  }

  private schedule(): void {
    if (!this.syncData()) return;
    clearTimeout(this.settle);
    this.settle = setTimeout(() => void this.run(), SETTLE_MS);
    this.settle.unref?.();
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        await syncNow(this.service, this.reader);
      } catch {
        // The reason is kept in the vault's sync problems for the status line; the next event or poll retries.
      }
      this.syncedStamp = this.newestStamp();
      this.rewatch();
      this.onSynced();
    })();
    await this.running;
    this.running = undefined;
    if (this.again) {
      this.again = false;
      this.schedule();
    }
  }
}
