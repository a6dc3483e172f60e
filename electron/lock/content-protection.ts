/**
 * "Hide the window from screenshots and screen sharing": the value to apply to every window. The
 * setting lives in the encrypted vault, so while locked it can't be read and the last value stays
 * (a lock never turns protection off).
 */
export class ContentProtection {
  private wanted = false;

  constructor(
    /** The setting, or null while the vault is locked. */
    private readonly read: () => boolean | null,
    /** Applies the value to every window (BrowserWindow.setContentProtection in the app). */
    private readonly apply: (on: boolean) => void,
  ) {}

  /** Reads the setting (when it can) and applies it; returns what is in force. */
  refresh(): boolean {
    const value = this.read();
    if (value !== null) this.wanted = value;
    this.apply(this.wanted);
    return this.wanted;
  }

  /** What a new window gets. */
  get current(): boolean {
    return this.wanted;
  }
}
