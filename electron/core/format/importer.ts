import type { AccountDraft } from '../otp/account';

/** A file (or pasted text) handed to the importers. Detection is by content, not name. */
export interface ImportSource {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** One entry that could not be imported. `where` names the entry (issuer/account or index), never its secret. */
export interface ImportIssue {
  readonly where: string;
  readonly message: string;
}

/** What an importer produced: good entries plus the entries it had to skip, each with a reason. */
export interface ImportResult {
  readonly format: string;
  readonly entries: readonly AccountDraft[];
  readonly issues: readonly ImportIssue[];
  /** The format carries no account name (a bare key file): the user must give one before saving. */
  readonly needsAccountName?: boolean;
}

/**
 * One foreign format. `matches` is cheap and decides by content; `read` does the work.
 * Encrypted formats throw UserError('password-required') without a password and
 * UserError('wrong-password') / UserError('integrity') when decryption fails.
 */
export interface Importer {
  /** Stable id, e.g. 'aegis', '2fas'. */
  readonly id: string;
  /** Human name used in messages, e.g. 'Aegis vault'. */
  readonly label: string;
  matches(source: ImportSource): boolean;
  /**
   * True when `matches` can only guess, from opaque bytes with no header (andOTP's encrypted backups):
   * a locked file of this format may be something else, and messages say so.
   */
  readonly guessesFromOpaqueBytes?: boolean;
  /** What opens an encrypted file: a password (the default) or an identity (age files: an age key or SSH private key). */
  readonly unlocksWith?: 'password' | 'identity';
  isEncrypted(source: ImportSource): boolean;
  read(source: ImportSource, password?: string): Promise<ImportResult>;
}
