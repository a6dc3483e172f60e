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
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  density: 'comfortable',
  nextCode: 'hover',
  clipboardClearSeconds: 30,
  clockOffsetMs: 0,
  sort: 'manual',
  timeCheckEnabled: false,
  timeCheckUrl: 'https://www.google.com/',
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

const ONE_DAY_MS = 24 * 3600 * 1000;

const oneOf =
  <T extends string>(...values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

const isHttpUrl = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length > 500) return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** A check per field: what a stored or submitted value must look like. */
const VALID: { readonly [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  theme: oneOf('system', 'light', 'dark'),
  density: oneOf('compact', 'comfortable'),
  nextCode: oneOf('always', 'hover', 'never'),
  clipboardClearSeconds: (v): v is number =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 3600,
  clockOffsetMs: (v): v is number => Number.isInteger(v) && Math.abs(v as number) <= ONE_DAY_MS,
  sort: oneOf('manual', 'name', 'used'),
  timeCheckEnabled: (v): v is boolean => typeof v === 'boolean',
  timeCheckUrl: isHttpUrl,
};

const HINTS: { readonly [K in keyof Settings]: string } = {
  theme: 'Choose system, light or dark.',
  density: 'Choose compact or comfortable.',
  nextCode: 'Choose always, hover or never.',
  clipboardClearSeconds: 'Give whole seconds from 0 (never clear) to 3600.',
  clockOffsetMs: 'Give a whole number of milliseconds within one day either way.',
  sort: 'Choose manual, name or used.',
  timeCheckEnabled: 'Give true or false.',
  timeCheckUrl: 'Give an http:// or https:// address, e.g. https://www.google.com/.',
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
