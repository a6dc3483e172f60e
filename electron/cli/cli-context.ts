import { readFile } from 'node:fs/promises';
import { requireVaultPassword } from '../backups/reauth';
import { UserError } from '../core/errors';
import { readFailureReason } from '../core/write-failure';
import { AuthenticatorService } from '../service';
import type { KeyStore } from '../vault/keychain';
import { resolveVaultDir } from '../vault/paths.node';

/** A wrong command line: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What every command gets: parsed flags, output streams and a way to open the vault. */
export interface CliContext {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly out: (line: string) => void;
  readonly keyStore: KeyStore;
  readonly now: () => number;
  /**
   * Opens the vault; `create` for commands that add accounts. With `secretsFor` (what the
   * command is about to do, e.g. "export your accounts"), a vault with a password must be
   * unlocked with it again: --vault-password-file, or a no-echo prompt on a terminal.
   */
  openService(create: boolean, secretsFor?: string): Promise<AuthenticatorService>;
  /** Opens the vault with `password` (the password command's current password) instead of the keychain, when given. */
  openServiceWithPassword(create: boolean, password: string | undefined): Promise<AuthenticatorService>;
  /** Asks a yes/no question on the terminal; false when there is no terminal. */
  confirm(question: string): Promise<boolean>;
}

/** Reads a password from a file (first line, without its newline). */
export async function readPasswordFile(path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).split(/\r?\n/)[0] ?? '';
  } catch (error) {
    throw new UserError('io', `Cannot read the password file ${path}: ${readFailureReason((error as NodeJS.ErrnoException).code)}.`);
  }
}

/** Asks for the vault password on a terminal; undefined where there is none to ask on. */
export type AskVaultPassword = (() => Promise<string>) | undefined;

/**
 * Opens the service for the vault chosen by --vault / $OTP_DESK_VAULT / the default folder.
 * Before secrets leave (`secretsFor`), a vault with a password needs it: a vault opened with
 * --vault-password-file already proved it; otherwise `ask` prompts, and without a terminal
 * the command stops (exit 3) saying how to pass it.
 */
export async function openServiceFor(
  values: CliContext['values'],
  keyStore: KeyStore,
  create: boolean,
  secretsFor?: string,
  ask?: AskVaultPassword,
  passwordGiven?: string,
): Promise<AuthenticatorService> {
  const dir = resolveVaultDir(values['vault'] as string | undefined);
  const passwordFile = values['vault-password-file'] as string | undefined;
  const password = passwordGiven ?? (passwordFile ? await readPasswordFile(passwordFile) : undefined);
  const service = await AuthenticatorService.open(dir, keyStore, { create, ...(password !== undefined ? { password } : {}) }).catch(async (error: unknown) => {
    // A damaged vault file: say how to restore it (the commands to run), never restore by itself.
    if (error instanceof UserError && error.kind === 'integrity') {
      // Loaded only for a damaged vault: recovery brings in backups and the import sandbox (worker_threads, zlib), which every start would pay for.
      const { damagedVaultMessage, inspectRecovery } = await import('../backups/vault-recovery.node');
      throw new UserError('integrity', damagedVaultMessage(dir, await inspectRecovery(dir, keyStore), true));
    }
    throw error;
  });
  if (secretsFor === undefined || !service.hasPassword || password !== undefined) return service;
  if (!ask) {
    throw new UserError('password-required', `This vault has a password: to ${secretsFor}, pass it with --vault-password-file FILE (or run the command in a terminal to be asked).`);
  }
  await requireVaultPassword(service, await ask(), secretsFor);
  return service;
}

/** Parses `--at`: unix seconds or an ISO-8601 date. Returns milliseconds. */
export function parseTime(value: string): number {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`--at takes unix seconds or an ISO-8601 time, not "${value}".`);
  return ms;
}

/** Parses a whole-number flag. */
export function parseIntegerFlag(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number.`);
  return Number(value);
}
