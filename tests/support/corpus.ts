import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AccountDraft } from '../../electron/core/otp/account';
import type { ImportSource } from '../../electron/core/format/importer';

/**
 * The corpus of real exports from other apps and real QR photos, vendored into the repository
 * (third-party test data; see its README.md and MANIFEST.md for sources and licences), so every
 * runner has it.
 */
export const CORPUS = resolve(__dirname, '../fixtures/corpus');
/** True when the corpus is there at all (always, in a checkout). */
export const hasCorpus = existsSync(CORPUS);

/** The corpus folders: Aegis's importer test files, Google Authenticator transfers, zxing-cpp QR photos. */
export type CorpusFolder = 'aegis-importers' | 'google-migration' | 'qr-samples';

/** The absolute path of one corpus folder. */
export function corpusDir(folder: CorpusFolder): string {
  return join(CORPUS, folder);
}

/** True when that folder is present; suites skip on it (`describe.skipIf(!hasCorpusFolder(...))`). */
export function hasCorpusFolder(folder: CorpusFolder): boolean {
  return existsSync(corpusDir(folder));
}

/** One expected account in expected.json; in google-migration `name` is the app's raw label (see `splitRawLabel`). */
export interface ExpectedEntry {
  readonly type: AccountDraft['type'];
  readonly issuer: string;
  readonly name: string;
  readonly secret: string;
  readonly algorithm: AccountDraft['algorithm'];
  readonly digits: number;
  readonly period?: number;
  readonly counter?: number;
  /** aegis-importers numbers each entry of its canonical account list. */
  readonly index?: number;
}

/** A google-migration link with the batch fields the app wrote into it. */
export interface ExpectedUri {
  readonly uri: string;
  readonly batch: {
    readonly batch_size: number;
    readonly batch_index: number;
    readonly batch_id: number;
  };
}

/** What expected.json says about one file of a folder. */
export interface ExpectedFile {
  /** google-migration: "input", "input (negative)", "expected output (upstream)"... */
  readonly role?: string;
  readonly password?: string;
  readonly notes?: string;
  readonly expect_count?: number;
  readonly entries?: readonly ExpectedEntry[];
  readonly uris?: readonly ExpectedUri[];
}

/** Folders with an expected.json. */
export type ExpectedFolder = Exclude<CorpusFolder, 'qr-samples'>;

/** aegis-importers lists entries for every file; google-migration gives every file a role. */
export type ExpectedFileIn<F extends ExpectedFolder> = ExpectedFile &
  (F extends 'aegis-importers'
    ? { readonly entries: readonly ExpectedEntry[] }
    : { readonly role: string });

/** expected.json's `files` map of a folder, by file name; {} when the corpus is absent. */
export function readExpected<F extends ExpectedFolder>(
  folder: F,
): Readonly<Record<string, ExpectedFileIn<F>>> {
  if (!hasCorpusFolder(folder)) return {};
  const text = readFileSync(join(corpusDir(folder), 'expected.json'), 'utf8');
  return (JSON.parse(text) as { files: Record<string, ExpectedFileIn<F>> }).files;
}

/** A corpus file as an importer receives it. */
export function corpusSource(folder: CorpusFolder, file: string): ImportSource {
  return { fileName: file, bytes: new Uint8Array(readFileSync(join(corpusDir(folder), file))) };
}

/**
 * Google Authenticator's raw label ("Issuer:account" or "account") as OTP Desk shows it: split like
 * an otpauth label, the issuer field winning over the prefix (Key Uri Format rules), both trimmed.
 */
export function splitRawLabel(entry: ExpectedEntry): ExpectedEntry {
  const colon = entry.name.indexOf(':');
  const prefix = colon >= 0 ? entry.name.slice(0, colon).trim() : '';
  const account = (colon >= 0 ? entry.name.slice(colon + 1) : entry.name).trim();
  return { ...entry, issuer: entry.issuer || prefix, name: account };
}
