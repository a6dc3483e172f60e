import type { AccountDraft } from '../otp/account';
import { invalidInput, isUserError } from '../errors';
import { describeMissingBatches, parseMigrationUri, type MigrationBatch } from '../migration/migration';
import { parseOtpauthUri } from '../otp/otpauth';
import { classifyQrText } from '../qr/qr-text';
import type { ImportIssue } from '../format/importer';

/** One text that may hold an account link: a line of a file or the content of one QR code. */
export interface AccountText {
  readonly text: string;
  /** Names the place for issues, e.g. 'line 3' or 'QR code 2 in shot.png'. Never the text itself. */
  readonly where: string;
}

/** Entries and issues from a set of texts. */
export interface AccountTextsResult {
  readonly entries: AccountDraft[];
  readonly issues: ImportIssue[];
  /** `where` of the text each entry came from, parallel to `entries` (the review shows it). */
  readonly sources?: string[];
}

/** Where a link starts inside a text; junk before it (e.g. "QR-Code:") is tolerated. */
const URI_START = /otpauth(?:-migration)?:\/\//i;

/** An otpauth link whose label holds raw spaces ("otpauth://totp/Dropbox Business:bob?secret=…"), as many exports write them. */
const LINK_WITH_SPACED_LABEL = /^otpauth:\/\/[^?\s]+\/[^?]*\?\S*/i;

/**
 * The otpauth or otpauth-migration link in a text, or undefined: up to the first whitespace,
 * except that spaces in an otpauth label are read as `add` reads them (the query ends the link).
 * With `anywhere` false the text must start with it (a QR code's whole content is the link).
 */
export function findAccountUri(text: string, anywhere = true): string | undefined {
  const trimmed = text.trim();
  const start = trimmed.search(URI_START);
  if (start < 0 || (start > 0 && !anywhere)) return undefined;
  const rest = trimmed.slice(start);
  return LINK_WITH_SPACED_LABEL.exec(rest)?.[0] ?? rest.split(/\s/)[0];
}

/**
 * Turns otpauth:// and otpauth-migration:// texts into entries (shared by the URI list and QR
 * image importers). A bad link, a non-account text or an incomplete multi-QR Google
 * Authenticator export becomes an issue; the rest still import. `notAccount` words the issue
 * for a text that holds no link (its description never contains a secret). `junkPrefix` allows
 * text before the link, as in lines like "QR-Code:otpauth-migration://…".
 */
export function readAccountTexts(
  items: readonly AccountText[],
  notAccount: (description: string) => string,
  options: { readonly junkPrefix: boolean },
): AccountTextsResult {
  const entries: AccountDraft[] = [];
  const issues: ImportIssue[] = [];
  const sources: string[] = [];
  const batches: MigrationBatch[] = [];
  for (const item of items) {
    const uri = findAccountUri(item.text, options.junkPrefix);
    if (!uri) {
      issues.push({
        where: item.where,
        message: notAccount(classifyQrText(item.text).description),
      });
      continue;
    }
    try {
      if (uri.toLowerCase().startsWith('otpauth-migration:')) {
        const content = parseMigrationUri(uri);
        entries.push(...content.entries);
        sources.push(...content.entries.map(() => item.where));
        issues.push(
          ...content.issues.map((issue) => ({
            where: `${item.where}, ${issue.where}`,
            message: issue.message,
          })),
        );
        batches.push(content.batch);
      } else {
        entries.push(parseOtpauthUri(uri));
        sources.push(item.where);
      }
    } catch (error) {
      const message = isUserError(error)
        ? error.message
        : 'The link could not be read, so it was skipped.';
      issues.push({ where: item.where, message });
    }
  }
  for (const message of describeMissingBatches(batches))
    issues.push({ where: 'Google Authenticator export', message });
  return { entries, issues, sources };
}

/**
 * When nothing at all could be imported, the first problem becomes the error the user sees
 * (nothing is saved) rather than an empty, silent result.
 */
export function requireSomeEntries(result: AccountTextsResult): AccountTextsResult {
  const first = result.issues[0];
  if (result.entries.length > 0 || !first) return result;
  const more =
    result.issues.length > 1
      ? ` (${result.issues.length - 1} more problem${result.issues.length > 2 ? 's' : ''} too)`
      : '';
  throw invalidInput(`Nothing was imported. ${first.where}: ${first.message}${more}`);
}
