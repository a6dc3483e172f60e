/**
 * The system clipboard as main sees it (Electron's `clipboard` module). Clearing from main
 * works while the window is in the background, where the page's own clipboard API is refused.
 */
export interface ClipboardAccess {
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
  /** Writes text, marked concealed for clipboard managers where the platform allows. */
  writeText?(text: string): void | Promise<void>;
}

/**
 * The clipboard formats that tell clipboard managers and history to skip a copy, per platform:
 * Windows' history/cloud exclusions, macOS's nspasteboard.org concealed type, KDE's password hint
 * (read by Klipper, CopyQ, cliphist). https://learn.microsoft.com/windows/win32/dataxchg/clipboard-formats
 * http://nspasteboard.org/
 */
export function concealedClipboardFormats(
  platform: NodeJS.Platform,
): readonly { readonly format: string; readonly data: Uint8Array }[] {
  if (platform === 'win32') {
    const dwordZero = new Uint8Array(4);
    return [
      { format: 'ExcludeClipboardContentFromMonitorProcessing', data: new Uint8Array(0) },
      { format: 'CanIncludeInClipboardHistory', data: dwordZero },
      { format: 'CanUploadToCloudClipboard', data: dwordZero },
    ];
  }
  if (platform === 'darwin')
    return [{ format: 'org.nspasteboard.ConcealedType', data: new Uint8Array(0) }];
  return [{ format: 'x-kde-passwordManagerHint', data: new TextEncoder().encode('secret') }];
}

/**
 * What main put on the clipboard, cleared after the user's delay and on quit, but only while the
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

  /** Clears what we copied if it is still there (on quit, and when the delay ends). True when it cleared. */
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
