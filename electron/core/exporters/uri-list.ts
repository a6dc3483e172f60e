import type { AccountDraft } from '../otp/account';
import { formatOtpauthUri } from '../otp/otpauth';

/** One otpauth:// link per line, with a comment saying what the file is (the URI-list importer skips '#' lines). */
export function exportUriList(accounts: readonly AccountDraft[]): string {
  const lines = accounts.map(formatOtpauthUri);
  return ['# OTP Desk export: otpauth links, one per line. It holds secret keys: keep it safe.', ...lines, ''].join('\n');
}
