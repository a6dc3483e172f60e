import type { AccountDraft } from '../otp/account';
import { parseOtpauthUri } from '../otp/otpauth';
import { buildImportEntry } from '../format/entry-builder';

/** The Bitwarden item around a TOTP value, used for labels when the value itself has none. */
export interface BitwardenItem {
  readonly name?: string | undefined;
  readonly username?: string | undefined;
  readonly totp: string;
}

/**
 * Bitwarden's TOTP field holds an otpauth URI, `steam://KEY`, or a bare base32 key
 * (https://bitwarden.com/help/integrated-authenticator/).
 */
export function bitwardenTotpEntry(item: BitwardenItem): AccountDraft {
  const value = item.totp.trim();
  if (/^otpauth:/i.test(value)) {
    const draft = parseOtpauthUri(value);
    return draft.issuer || draft.account
      ? draft
      : { ...draft, issuer: item.name ?? '', account: item.username ?? '' };
  }
  if (/^steam:\/\//i.test(value)) {
    // Aegis's convention for a label-less Steam key; the username is better when there is one.
    return buildImportEntry({
      type: 'steam',
      secret: value.slice('steam://'.length),
      issuer: 'Steam',
      account: item.username || 'Steam account',
    });
  }
  return buildImportEntry({ secret: value, issuer: item.name, account: item.username });
}
