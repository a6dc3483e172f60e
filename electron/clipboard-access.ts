/**
 * The system clipboard as main sees it (Electron's `clipboard` module). Clearing from main
 * works while the window is in the background, where the page's own clipboard API is refused.
 */
export interface ClipboardAccess {
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
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
