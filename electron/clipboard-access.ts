/**
 * The system clipboard as main sees it (Electron's `clipboard` module). Clearing from main
 * works while the window is in the background, where the page's own clipboard API is refused.
 */
export interface ClipboardAccess {
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
  /** Writes text (Electron can't yet mark it concealed for clipboard managers alongside the text). */
  writeText?(text: string): void | Promise<void>;
}

/**
 * What main put on the clipboard, cleared after the user's delay, on lock and on quit, but only while the
 * clipboard still holds it (something copied since is the user's and is kept).
 */
export class ClipboardGuard {
  private held: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly access: ClipboardAccess) {}

  /** Copies `text` and schedules its removal after `clearAfterSeconds` (0: kept until quit). */
  async copy(text: string, clearAfterSeconds: number): Promise<void> {
    if (!this.access.writeText) throw new Error('clipboard writing unavailable');
    await this.access.writeText(text);
    this.held = text;
    clearTimeout(this.timer);
    if (clearAfterSeconds > 0) {
      this.timer = setTimeout(() => void this.clearNow(), clearAfterSeconds * 1000);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  /** Clears what we copied if it is still there (on lock and quit, and when the delay ends). True when it cleared. */
  async clearNow(): Promise<boolean> {
    clearTimeout(this.timer);
    const held = this.held;
    this.held = null;
    return held ? clearClipboardIfHolds(this.access, held) : false;
  }
}

/** Clears the clipboard only if it still holds `text`, so something the user copied since is kept. */
export async function clearClipboardIfHolds(
  clipboard: ClipboardAccess,
  text: string,
): Promise<boolean> {
  if (!text || (await clipboard.readText()) !== text) return false;
  await clipboard.clear();
  return true;
}
