import {
  findAccountUri,
  readAccountTexts,
  requireSomeEntries,
  type AccountText,
  type AccountTextsResult,
} from './account-uris';
import type { Importer, ImportSource } from '../format/importer';
import { decodeUtf8 } from '../format/json-fields';

/** Junk allowed before a link on a line ("QR-Code:" in some exports); quotes, commas and braces mean CSV/JSON. */
const PREFIX_OK = /^[^",;{}[\]]{0,40}$/;

interface Line {
  readonly number: number;
  readonly text: string;
}

/** Non-blank, non-comment lines with their 1-based numbers. */
function dataLines(text: string): Line[] {
  return text
    .split(/\r?\n|\r/)
    .map((line, index) => ({ number: index + 1, text: line.trim() }))
    .filter((line) => line.text.length > 0 && !line.text.startsWith('#'));
}

/** The file as text, or undefined when it is binary (NUL or other control bytes). */
function textOf(source: ImportSource): string | undefined {
  if (source.bytes.length === 0) return undefined;
  if (source.bytes.subarray(0, 4096).some((b) => b < 0x09 || (b > 0x0d && b < 0x20)))
    return undefined;
  return decodeUtf8(source.bytes);
}

/** True when every data line is a link (maybe after a short prefix); a file of only comments also qualifies. */
function isUriList(text: string): boolean {
  const lines = dataLines(text);
  if (lines.length === 0) return /^\s*#/m.test(text);
  return lines.every((line) => {
    const uri = findAccountUri(line.text);
    return uri !== undefined && PREFIX_OK.test(line.text.slice(0, line.text.indexOf(uri)));
  });
}

/** Reads otpauth / otpauth-migration lines from text; exported for pasted text in the UI and CLI. */
export function readUriListText(text: string): AccountTextsResult {
  const items: AccountText[] = dataLines(text).map((line) => ({
    text: line.text,
    where: `line ${line.number}`,
  }));
  if (items.length === 0) return { entries: [], issues: [] };
  return requireSomeEntries(
    readAccountTexts(
      items,
      (description) => `This line holds ${description}, not an otpauth link, so it was skipped.`,
      {
        junkPrefix: true,
      },
    ),
  );
}

/**
 * Text with one otpauth:// or otpauth-migration:// link per line: Google Authenticator transfer
 * links, Aegis/WinAuth plain-text lists, Ente Auth's export (its extra codeDisplay parameter is
 * ignored). '#' comments and blank lines are skipped; a missing transfer batch is reported.
 */
export const uriListImporter: Importer = {
  id: 'uri-list',
  label: 'otpauth link list',
  matches(source) {
    const text = textOf(source);
    return text !== undefined && isUriList(text);
  },
  isEncrypted: () => false,
  async read(source) {
    const result = readUriListText(textOf(source) ?? '');
    return { format: 'otpauth link list', ...result };
  },
};
