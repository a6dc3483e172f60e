import { DEFAULT_GLOBAL_SHORTCUT, isGlobalAccelerator } from './accelerator';
import { invalidInput } from './errors';

/** How the codes window looks and behaves; stored encrypted in the vault, one key per field. */
export interface Settings {
  readonly theme: 'system' | 'light' | 'dark';
  readonly density: 'compact' | 'comfortable';
  /** When the code after the current one is shown. */
  readonly nextCode: 'always' | 'hover' | 'never';
  /** Seconds until a copied code is cleared from the clipboard; 0 keeps it. */
  readonly clipboardClearSeconds: number;
  /** Added to the system clock for every code (the service honours the same key). */
  readonly clockOffsetMs: number;
  readonly sort: 'manual' | 'name' | 'used';
  /** Compare the system clock with a server's HTTP Date header; off until the user enables it. */
  readonly timeCheckEnabled: boolean;
  readonly timeCheckUrl: string;
  /** Lock after this many idle minutes; 0 never (needs a vault password). */
  readonly autoLockMinutes: 0 | 1 | 5 | 15 | 60;
  /** Lock when the screen locks or the computer suspends. */
  readonly lockOnScreenLock: boolean;
  /** No keychain slot: only the vault password opens the vault, at every start. */
  readonly requirePasswordAtStart: boolean;
  /** Codes show as dots until a row is clicked. */
  readonly hideCodesUntilClicked: boolean;
  /** Exclude the window from screenshots and screen sharing (setContentProtection). */
  readonly contentProtection: boolean;
  /** Blur codes while the window is not focused. */
  readonly blurWhenInactive: boolean;
  /** The first-run offer to set a vault password was skipped. */
  readonly passwordOfferDismissed: boolean;
  /** Opens the quick-copy panel from anywhere (Electron accelerator); '' turns it off. */
  readonly globalShortcut: string;
  /** Closing the main window keeps OTP Desk in the tray; `auto` does so except on macOS (the dock does it there). */
  readonly closeToTray: 'auto' | 'on' | 'off';
  /** Starts OTP Desk, hidden in the tray, when the user logs in. */
  readonly launchAtLogin: boolean;
  /** Asks in OTP Desk before each browser fill. */
  readonly browserConfirmFill: boolean;
  /** A browser fill with fewer seconds left on the code waits for the next one; 0 never waits. */
  readonly browserNextCodeSeconds: number;
}

/** The idle times "Lock after" offers, in minutes (0: never). */
export const AUTO_LOCK_CHOICES = [0, 1, 5, 15, 60] as const;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  density: 'comfortable',
  nextCode: 'hover',
  clipboardClearSeconds: 30,
  clockOffsetMs: 0,
  sort: 'manual',
  timeCheckEnabled: false,
  timeCheckUrl: 'https://www.google.com/',
  autoLockMinutes: 0,
  lockOnScreenLock: true,
  requirePasswordAtStart: false,
  hideCodesUntilClicked: false,
  contentProtection: false,
  blurWhenInactive: false,
  passwordOfferDismissed: false,
  globalShortcut: DEFAULT_GLOBAL_SHORTCUT,
  closeToTray: 'auto',
  launchAtLogin: false,
  browserConfirmFill: false,
  browserNextCodeSeconds: 3,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/**
 * The most a clock offset may move codes either way: a real clock error (a drifting or badly set
 * system clock) is minutes, and a larger offset would let a compromised page ask main for codes
 * hours ahead (codes for later, collected now).
 */
export const MAX_CLOCK_OFFSET_MS = 15 * 60 * 1000;

/** The offset codes use from a stored value: a valid one, else 0 (an older vault may hold up to a day). */
export function boundedClockOffset(stored: unknown): number {
  return VALID.clockOffsetMs(stored) ? stored : 0;
}

const oneOf =
  <T extends string>(...values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

/**
 * The clock check talks only to the server typed here, over https (plain http only to this
 * machine itself, e.g. a local time server), so nobody on the network can fake the time.
 */
export function isClockCheckUrl(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 500) return false;
  try {
    const url = new URL(v);
    if (url.username || url.password) return false;
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  } catch {
    return false;
  }
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** A check per field: what a stored or submitted value must look like. */
const VALID: { readonly [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  theme: oneOf('system', 'light', 'dark'),
  density: oneOf('compact', 'comfortable'),
  nextCode: oneOf('always', 'hover', 'never'),
  clipboardClearSeconds: (v): v is number =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 3600,
  clockOffsetMs: (v): v is number => Number.isInteger(v) && Math.abs(v as number) <= MAX_CLOCK_OFFSET_MS,
  sort: oneOf('manual', 'name', 'used'),
  timeCheckEnabled: isBoolean,
  timeCheckUrl: isClockCheckUrl,
  autoLockMinutes: (v): v is Settings['autoLockMinutes'] =>
    (AUTO_LOCK_CHOICES as readonly unknown[]).includes(v),
  lockOnScreenLock: isBoolean,
  requirePasswordAtStart: isBoolean,
  hideCodesUntilClicked: isBoolean,
  contentProtection: isBoolean,
  blurWhenInactive: isBoolean,
  passwordOfferDismissed: isBoolean,
  globalShortcut: (v): v is string => v === '' || (typeof v === 'string' && isGlobalAccelerator(v)),
  closeToTray: oneOf('auto', 'on', 'off'),
  launchAtLogin: (v): v is boolean => typeof v === 'boolean',
  browserConfirmFill: isBoolean,
  browserNextCodeSeconds: (v): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10,
};

const HINTS: { readonly [K in keyof Settings]: string } = {
  theme: 'Choose system, light or dark.',
  density: 'Choose compact or comfortable.',
  nextCode: 'Choose always, hover or never.',
  clipboardClearSeconds: 'Give whole seconds from 0 (never clear) to 3600.',
  clockOffsetMs: `Give a whole number of milliseconds within ${MAX_CLOCK_OFFSET_MS / 60_000} minutes either way; fix the system time for more.`,
  sort: 'Choose manual, name or used.',
  timeCheckEnabled: 'Give true or false.',
  timeCheckUrl: 'Give an https:// address, e.g. https://www.google.com/.',
  autoLockMinutes: 'Choose 0 (never), 1, 5, 15 or 60 minutes.',
  lockOnScreenLock: 'Give true or false.',
  requirePasswordAtStart: 'Give true or false.',
  hideCodesUntilClicked: 'Give true or false.',
  contentProtection: 'Give true or false.',
  blurWhenInactive: 'Give true or false.',
  passwordOfferDismissed: 'Give true or false.',
  globalShortcut: 'Give a key with Ctrl, Alt or Cmd, e.g. CommandOrControl+Alt+O, or nothing to turn it off.',
  closeToTray: 'Choose auto, on or off.',
  launchAtLogin: 'Give true or false.',
  browserConfirmFill: 'Give true or false.',
  browserNextCodeSeconds: 'Give whole seconds from 0 (never wait) to 10.',
};

/** Settings from the vault's stored values: unknown or damaged values fall back to the defaults. */
export function readSettings(stored: Readonly<Record<string, unknown>>): Settings {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) if (VALID[key](stored[key])) result[key] = stored[key];
  return result as unknown as Settings;
}

/** Narrows a submitted patch; throws a UserError naming the field and the allowed values. */
export function validateSettingsPatch(patch: unknown): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    throw invalidInput('Expected settings to change.');
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key))
      throw invalidInput(`There is no setting called "${key.slice(0, 40)}".`);
    const field = key as keyof Settings;
    if (!VALID[field](value))
      throw invalidInput(`The setting ${field} can't take that value. ${HINTS[field]}`);
    result[field] = value;
  }
  return result as Partial<Settings>;
}
