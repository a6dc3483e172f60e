/** The OTP kinds OTP Desk generates codes for. `steam` is Steam Guard: SHA1, 5 characters, 30 s. */
export type OtpType = 'totp' | 'hotp' | 'steam';

/** HMAC hash functions real services use (RFC 6238 allows these three). */
export type HashAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/** Everything needed to generate codes for one account. */
export interface OtpParameters {
  readonly type: OtpType;
  /** RFC 4648 base32, upper case, no padding, no spaces. */
  readonly secret: string;
  readonly algorithm: HashAlgorithm;
  /** 6-8 for totp/hotp; 5 for steam. */
  readonly digits: number;
  /** Seconds per code (totp/steam). Kept (default 30) for hotp so a type change is lossless. */
  readonly period: number;
  /** Moving factor for hotp; 0 for the others. */
  readonly counter: number;
}

/** An account as it arrives from an import or the add form, before it has an id. */
export interface AccountDraft extends OtpParameters {
  readonly issuer: string;
  readonly account: string;
}

/** A draft as an import may deliver it: Aegis backups also carry the group and favourite flag. */
export interface ImportedDraft extends AccountDraft {
  readonly group?: string;
  readonly favorite?: boolean;
}

/** An account stored in the vault. */
export interface Account extends AccountDraft {
  readonly id: string;
  readonly group: string;
  /** Icon slug (brand icon) or '' for the monogram. */
  readonly icon: string;
  readonly favorite: boolean;
  /** Position in the manual order. */
  readonly order: number;
  readonly useCount: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Sites the browser extension may fill this account on (registrable domains; `http://` prefix allows plain http). */
  readonly sites?: readonly string[];
  /** The last browser fills (newest first), shown as the account's recent activity. */
  readonly recentFills?: readonly BrowserFill[];
}

/** One code filled into a browser page. */
export interface BrowserFill {
  /** The page's host name. */
  readonly site: string;
  readonly at: number;
}

/** What the renderer and `list --json` may see of an account: never the secret. */
export type AccountSummary = Omit<Account, 'secret'>;

export const DEFAULT_PERIOD = 30;
export const DEFAULT_DIGITS = 6;
export const STEAM_DIGITS = 5;

/** Drops the secret so the value can cross to the renderer or a log. */
export function summarizeAccount(account: Account): AccountSummary {
  const { secret: _secret, ...summary } = account;
  return summary;
}

/** Same secret, issuer and account name: the duplicate rule used by import review. */
export function isSameAccount(a: AccountDraft, b: AccountDraft): boolean {
  return (
    a.secret === b.secret &&
    a.issuer.trim().toLowerCase() === b.issuer.trim().toLowerCase() &&
    a.account.trim().toLowerCase() === b.account.trim().toLowerCase()
  );
}
