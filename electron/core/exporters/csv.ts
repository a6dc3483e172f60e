import type { AccountDraft } from '../otp/account';

/** The column names, in order (the OTP Desk CSV importer recognises exactly this header). */
export const CSV_COLUMNS = ['issuer', 'account', 'secret', 'type', 'algorithm', 'digits', 'period', 'counter', 'group'] as const;

/** Spreadsheets run cells starting with these as formulas (CSV injection); such cells get a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a cell as RFC 4180 says: when it holds a comma, quote or line break; quotes are doubled. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Accounts as CSV with a header row, CRLF line ends (what spreadsheets expect). */
export function exportCsv(accounts: readonly (AccountDraft & { readonly group?: string })[]): string {
  const rows = accounts.map((a) =>
    [a.issuer, a.account, a.secret, a.type, a.algorithm, a.digits, a.period, a.type === 'hotp' ? a.counter : 0, a.group ?? ''].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
