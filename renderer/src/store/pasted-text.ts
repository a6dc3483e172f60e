import type { ImportText } from '../../../electron/api';

/** What a pasted or dropped text is, and so where it goes. */
export type PastedText =
  | {
      readonly kind: 'links';
      readonly texts: ImportText[];
      /** Line numbers (from 1) of non-blank lines that hold no link: said, not silently dropped. */
      readonly ignoredLines: number[];
    }
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'export' }
  | { readonly kind: 'nothing' };

const LINK = /otpauth(?:-migration)?:\/\//i;

/**
 * otpauth / transfer links (one a line) go to the import review; a bare base32 key (as AWS's
 * "Show secret key" or a service's "Can't scan?" shows it, with spaces, dashes, lower case or
 * padding) opens the add form; longer text may be another app's export and is read by content.
 */
export function classifyPastedText(raw: string): PastedText {
  const text = raw.trim();
  if (!text) return { kind: 'nothing' };
  if (LINK.test(text)) {
    const all = text.split(/\r?\n/);
    const lines = all.filter((line) => LINK.test(line));
    const texts = lines.map((line, i) => ({
      source: lines.length > 1 ? `Pasted link ${i + 1}` : 'Pasted link',
      text: line.trim(),
    }));
    const ignoredLines = all.flatMap((line, i) => (line.trim() && !LINK.test(line) ? [i + 1] : []));
    return { kind: 'links', texts, ignoredLines };
  }
  const compact = text.replace(/[\s-]/g, '');
  if (compact.length >= 16 && compact.length <= 256 && /^[A-Za-z2-7]+=*$/.test(compact))
    return { kind: 'key', key: text };
  // Exports are structured and long; a stray word or sentence is not worth an error screen.
  return text.length >= 40 && /[{\n,;]/.test(text) ? { kind: 'export' } : { kind: 'nothing' };
}
