import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { latestStamp } from '../core/sync/merge';
import { stampKey } from '../core/sync/stamp';
import type { AuthenticatorService } from '../service';
import { DEVICES_DIR, syncDir } from './folder-file.node';
import { syncNow } from './sync-actions.node';

/** Network folders often send no change events: they are read at least this often. */
export const SLOW_POLL_MS = 60_000;
/** Sync apps write in bursts (temp file, rename, conflict copy): one sync after the burst. */
const SETTLE_MS = 750;

/**
 * Keeps the open vault in sync while the app runs: a sync when a file in the sync folder or a
 * followed folder changes, when this vault changes, and on a slow poll. Idle, it costs one
 * watcher per folder and one timer a minute.
 */
export class SyncWatcher {
  private watchers: FSWatcher[] = [];
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
    for (const w of this.watchers) w.close();
    this.watchers = [];
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

  /** Watches the folders the vault syncs with now (they change with setup, join, follow, leave). */
  private rewatch(): void {
    const sync = this.syncData();
    const folders = [...(sync?.folder ? [syncDir(sync.folder.path), join(syncDir(sync.folder.path), DEVICES_DIR)] : []), ...(sync?.follows ?? []).map((f) => f.folder)];
    const key = folders.join('\n');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const w of this.watchers) w.close();
    this.watchers = [];
    for (const folder of folders) {
      try {
        const watcher = watch(folder, (_event, name) => {
          // Our own temp files and the sync apps' partial downloads settle into a rename we see anyway.
          if (name && String(name).startsWith('.')) return;
          this.schedule();
        });
        watcher.on('error', () => undefined);
        watcher.unref?.();
        this.watchers.push(watcher);
      } catch {
        // A folder that is not there (yet): the slow poll reads it when it appears, and sync status says so.
      }
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
        await syncNow(this.service);
      } catch {
        // The reason is kept in the vault's sync problems for the status line; the next event or poll retries.
      }
      this.syncedStamp = this.newestStamp();
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
