import { invalidInput } from '../errors';

/** Where and how automatic backups are written; stored encrypted in the vault, one key per field. */
export interface BackupSettings {
  /** Absolute folder path; '' means automatic backups are off. */
  readonly backupFolder: string;
  /** How many backup files to keep (older ones are deleted after each new one). */
  readonly backupKeep: number;
  /** The user closed the "set up backups" banner. */
  readonly backupPromptDismissed: boolean;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  backupFolder: '',
  backupKeep: 10,
  backupPromptDismissed: false,
};

export const BACKUP_SETTING_KEYS = Object.keys(DEFAULT_BACKUP_SETTINGS) as (keyof BackupSettings)[];

/** The vault setting holding the prepared backup key (master key + Aegis slot). Never sent to the renderer. */
export const BACKUP_KEY_SETTING = 'backupKey';

export const MAX_BACKUP_KEEP = 1000;

/** POSIX `/…`, Windows `C:\…` or `\\server\share`: backups need a folder that does not depend on a working directory. */
const isAbsoluteFolder = (v: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v);

const VALID: { readonly [K in keyof BackupSettings]: (v: unknown) => v is BackupSettings[K] } = {
  backupFolder: (v): v is string => typeof v === 'string' && v.length <= 1000 && (v === '' || isAbsoluteFolder(v)),
  backupKeep: (v): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_BACKUP_KEEP,
  backupPromptDismissed: (v): v is boolean => typeof v === 'boolean',
};

const HINTS: { readonly [K in keyof BackupSettings]: string } = {
  backupFolder: 'Give a full folder path, e.g. /home/ana/Backups or C:\\Users\\ana\\Backups, or leave it empty to turn backups off.',
  backupKeep: `Give a whole number of backups from 1 to ${MAX_BACKUP_KEEP}.`,
  backupPromptDismissed: 'Give true or false.',
};

/** Backup settings from the vault's stored values: unknown or damaged values fall back to the defaults. */
export function readBackupSettings(stored: Readonly<Record<string, unknown>>): BackupSettings {
  const result: Record<string, unknown> = { ...DEFAULT_BACKUP_SETTINGS };
  for (const key of BACKUP_SETTING_KEYS) if (VALID[key](stored[key])) result[key] = stored[key];
  return result as unknown as BackupSettings;
}

/** Narrows a submitted patch (folder trimmed); throws a UserError naming the field and what it takes. */
export function validateBackupSettingsPatch(patch: unknown): Partial<BackupSettings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw invalidInput('Expected backup settings to change.');
  const result: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(patch)) {
    if (!Object.hasOwn(DEFAULT_BACKUP_SETTINGS, key)) throw invalidInput(`There is no backup setting called "${key.slice(0, 40)}".`);
    const field = key as keyof BackupSettings;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (!VALID[field](value)) throw invalidInput(`The backup setting ${field} can't take that value. ${HINTS[field]}`);
    result[field] = value;
  }
  return result as Partial<BackupSettings>;
}
