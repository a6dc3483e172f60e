import type { Importer, ImportResult, ImportSource } from '../format/importer';
import { readAccountTexts, type AccountText, type AccountTextsResult } from './account-uris';
import { findImporter } from './registry';

/** What reading one file gave: its accounts, or the news that it waits for a password. */
export type FileReading =
  | {
      readonly state: 'locked';
      /** The importer's label, e.g. 'Aegis vault'. */
      readonly format: string;
      /** The format was only guessed from opaque bytes (a headerless ciphertext), so it may be something else. */
      readonly guessed: boolean;
      /** Set for files that open with an identity (age) rather than a password. */
      readonly unlocksWith?: 'identity';
    }
  | {
      readonly state: 'read';
      readonly result: ImportResult;
      /** The id of the importer that read it (a follow tells the phone app by it). */
      readonly importer?: string;
    };

/** How one file is read: `only` limits detection to these importer ids (a followed folder's apps). */
export interface ReadFileOptions {
  readonly only?: readonly string[];
}

/**
 * Everything that parses foreign bytes for an import, behind one door so it can run in a sandbox
 * (electron/sandbox) or, in tests and the renderer-free core, in process. Errors are UserErrors.
 */
export interface ImportReader {
  /** Detects the format by content and reads it; without `password` an encrypted file comes back locked. */
  readFile(source: ImportSource, password?: string, options?: ReadFileOptions): Promise<FileReading>;
  /** Reads pasted or scanned texts (otpauth and Google transfer links), one account text each. */
  readTexts(items: readonly AccountText[]): Promise<AccountTextsResult>;
  /** Releases what the reader holds (the sandbox's child process); it starts again on the next read. */
  close?(): Promise<void>;
}

/** Pasted or scanned texts as the import review reads them: junk before a link is allowed. */
export function readPastedTexts(items: readonly AccountText[]): AccountTextsResult {
  return readAccountTexts(
    items,
    (description) =>
      `It holds ${description}, not an authenticator account. Use the QR code or link a service shows when you turn on two-factor authentication.`,
    { junkPrefix: true },
  );
}

/** Reads one file with `importers` in this thread. */
export async function readFileWith(
  importers: readonly Importer[],
  source: ImportSource,
  password?: string,
  options: ReadFileOptions = {},
): Promise<FileReading> {
  const { only } = options;
  const importer = findImporter(source, only ? importers.filter((i) => only.includes(i.id)) : importers);
  if (password === undefined && importer.isEncrypted(source)) {
    return {
      state: 'locked',
      format: importer.label,
      guessed: importer.guessesFromOpaqueBytes === true,
      ...(importer.unlocksWith === 'identity' ? { unlocksWith: 'identity' as const } : {}),
    };
  }
  return { state: 'read', result: await importer.read(source, password), importer: importer.id };
}

/** An ImportReader that parses in this thread (tests, the sandbox's child itself). */
export function inProcessReader(importers: readonly Importer[]): ImportReader {
  return {
    readFile: (source, password, options) => readFileWith(importers, source, password, options),
    readTexts: async (items) => readPastedTexts(items),
  };
}
