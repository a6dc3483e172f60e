import { base64 } from '@scure/base';
import {
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  type AccountDraft,
  type HashAlgorithm,
  type OtpType,
} from '../otp/account';
import { decodeBase32, encodeBase32 } from '../otp/base32';
import { invalidInput, isUserError } from '../errors';
import { checkUriLength } from '../limits/input-limits';
import type { ImportIssue } from '../format/importer';
import {
  decodeMigrationPayload,
  encodeMigrationPayload,
  type RawOtpParameters,
} from './migration-protobuf';
import { validateOtpParameters } from '../otp/validate';

export { describeMissingBatches, type MigrationBatch } from './migration-batches';
import type { MigrationBatch } from './migration-batches';

/** What one `otpauth-migration://` URI (one QR code of a transfer export) holds. */
export interface MigrationContent {
  readonly entries: AccountDraft[];
  readonly issues: ImportIssue[];
  readonly batch: MigrationBatch;
}

/** Google Authenticator puts 10 accounts in each QR code of a transfer export. */
export const ACCOUNTS_PER_MIGRATION_QR = 10;

const ALGORITHMS: Record<number, HashAlgorithm> = {
  0: 'SHA1',
  1: 'SHA1',
  2: 'SHA256',
  3: 'SHA512',
};
const DIGITS: Record<number, number> = { 0: DEFAULT_DIGITS, 1: 6, 2: 8 };
const TYPES: Record<number, OtpType> = { 0: 'totp', 1: 'hotp', 2: 'totp' };

/** The `data` parameter's bytes. Tolerates raw '+' and '/' (not percent-encoded), spaces and base64url. */
function migrationData(uri: string): Uint8Array {
  const match = /^otpauth-migration:\/\/[^?]*\?(?:[^#]*&)?data=([^&#]*)/i.exec(uri.trim());
  if (!match) {
    throw invalidInput(
      'That is not a Google Authenticator transfer link: it must start with otpauth-migration://offline?data=.',
    );
  }
  let text = match[1]!;
  try {
    text = decodeURIComponent(text);
  } catch {
    throw invalidInput(
      'The Google Authenticator transfer link is damaged (bad %-escape). Copy or scan it again.',
    );
  }
  // A form decoder turns '+' into ' '; put it back. base64url characters are mapped to base64.
  text = text
    .replace(/ /g, '+')
    .replace(/\s/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/=+$/, '');
  if (text.length === 0)
    throw invalidInput(
      'The Google Authenticator transfer link carries no data. Copy or scan it again.',
    );
  try {
    return base64.decode(text + '='.repeat((4 - (text.length % 4)) % 4));
  } catch {
    throw invalidInput(
      'The Google Authenticator transfer link is damaged (its data is not base64). Copy or scan it again.',
    );
  }
}

/** `Issuer:account` labels split as otpauth labels do; a non-empty issuer field wins over the prefix. */
function splitName(name: string, issuer: string): { issuer: string; account: string } {
  const colon = name.indexOf(':');
  const prefix = colon >= 0 ? name.slice(0, colon).trim() : '';
  const account = (colon >= 0 ? name.slice(colon + 1) : name).trim();
  return { issuer: (issuer.trim() || prefix).trim(), account };
}

function toDraft(raw: RawOtpParameters): AccountDraft {
  const algorithm = ALGORITHMS[raw.algorithm];
  if (!algorithm) {
    const what = raw.algorithm === 4 ? 'MD5' : `an unknown algorithm (${raw.algorithm})`;
    throw invalidInput(`It uses ${what}; OTP Desk supports SHA1, SHA256 and SHA512.`);
  }
  const digits = DIGITS[raw.digits];
  if (!digits)
    throw invalidInput(
      `Its digit count (code ${raw.digits}) is unknown; Google Authenticator only uses 6 or 8.`,
    );
  const type = TYPES[raw.type];
  if (!type)
    throw invalidInput(
      `Its OTP type (code ${raw.type}) is unknown; only TOTP and HOTP are supported.`,
    );
  if (raw.secret.length === 0) throw invalidInput('It has no secret key.');
  if (type === 'hotp' && (raw.counter < 0n || raw.counter > BigInt(Number.MAX_SAFE_INTEGER))) {
    throw invalidInput('Its HOTP counter is out of range.');
  }
  const draft: AccountDraft = {
    type,
    secret: encodeBase32(raw.secret),
    algorithm,
    digits,
    period: DEFAULT_PERIOD,
    counter: type === 'hotp' ? Number(raw.counter) : 0,
    ...splitName(raw.name, raw.issuer),
  };
  validateOtpParameters(draft);
  return draft;
}

function describeEntry(raw: RawOtpParameters, index: number): string {
  const { issuer, account } = splitName(raw.name, raw.issuer);
  const label = [issuer, account].filter(Boolean).join(': ');
  return label ? `${label.slice(0, 60)} (account ${index + 1})` : `account ${index + 1}`;
}

/**
 * Decodes one Google Authenticator transfer URI. Entries OTP Desk can't use (MD5, unknown
 * enums) become issues; a damaged payload throws UserError('invalid-input').
 */
export function parseMigrationUri(uri: string): MigrationContent {
  checkUriLength(uri);
  const payload = decodeMigrationPayload(migrationData(uri));
  checkBatch(payload.batchSize, payload.batchIndex);
  if (payload.otpParameters.length === 0) {
    throw invalidInput(
      'The Google Authenticator transfer code holds no accounts. Export the accounts again and scan the new code.',
    );
  }
  const entries: AccountDraft[] = [];
  const issues: ImportIssue[] = [];
  payload.otpParameters.forEach((raw, index) => {
    try {
      entries.push(toDraft(raw));
    } catch (error) {
      if (!isUserError(error)) throw error;
      issues.push({ where: describeEntry(raw, index), message: `Skipped: ${error.message}` });
    }
  });
  const size = Math.max(1, payload.batchSize);
  return { entries, issues, batch: { index: payload.batchIndex, size, id: payload.batchId } };
}

/** Google Authenticator splits an export into at most a few dozen codes; far more means a damaged or hostile link. */
export const MAX_MIGRATION_BATCH_SIZE = 1000;

/**
 * Refuses batch fields that could make us allocate per batch (`size` ≤ 1000, 0 ≤ `index` < `size`),
 * before anything is built from them. A size of 0 (unset) is read as 1, as Google Authenticator does.
 */
function checkBatch(size: number, index: number): void {
  if (size < 0 || size > MAX_MIGRATION_BATCH_SIZE) {
    throw invalidInput(
      `The Google Authenticator transfer code says it is one of ${size} codes; a transfer has at most ${MAX_MIGRATION_BATCH_SIZE}, so the link is damaged. Export the accounts again and scan the new code.`,
    );
  }
  if (index < 0 || index >= Math.max(1, size)) {
    throw invalidInput(
      `The Google Authenticator transfer code says it is number ${index + 1} of ${Math.max(1, size)}, so the link is damaged. Export the accounts again and scan the new code.`,
    );
  }
}

/** Transfer URIs plus the accounts that could not go in them, each with the reason. */
export interface MigrationExport {
  readonly uris: string[];
  readonly skipped: ImportIssue[];
}

/** Why Google Authenticator's format can't carry an account, or undefined when it can. */
function cannotCarry(draft: AccountDraft): string | undefined {
  if (draft.type === 'steam')
    return 'Steam Guard accounts cannot be put in a Google Authenticator transfer code.';
  if (draft.digits !== 6 && draft.digits !== 8)
    return `Google Authenticator transfer codes carry 6 or 8 digits only (this account uses ${draft.digits}).`;
  if (draft.type === 'totp' && draft.period !== DEFAULT_PERIOD) {
    return `Google Authenticator transfer codes have no period field, so a ${draft.period}-second code would turn into a 30-second one.`;
  }
  return undefined;
}

function toRaw(draft: AccountDraft): RawOtpParameters {
  return {
    secret: decodeBase32(draft.secret),
    name: draft.issuer ? `${draft.issuer}:${draft.account}` : draft.account,
    issuer: draft.issuer,
    algorithm: draft.algorithm === 'SHA1' ? 1 : draft.algorithm === 'SHA256' ? 2 : 3,
    digits: draft.digits === 8 ? 2 : 1,
    type: draft.type === 'hotp' ? 1 : 2,
    counter: BigInt(draft.type === 'hotp' ? draft.counter : 0),
  };
}

function randomBatchId(): number {
  const value = new Int32Array(1);
  crypto.getRandomValues(value);
  return value[0]!;
}

/**
 * Writes accounts as Google Authenticator transfer URIs, `perBatch` (default 10, as Google
 * Authenticator does) per URI, all sharing one batch id. Steam, 7-digit and non-30 s TOTP
 * accounts can't be carried and are listed in `skipped`.
 */
export function formatMigrationUris(
  drafts: readonly AccountDraft[],
  options: { perBatch?: number; batchId?: number } = {},
): MigrationExport {
  const perBatch = Math.max(1, Math.floor(options.perBatch ?? ACCOUNTS_PER_MIGRATION_QR));
  const batchId = options.batchId ?? randomBatchId();
  const skipped: ImportIssue[] = [];
  const carried: RawOtpParameters[] = [];
  drafts.forEach((draft, index) => {
    const reason = cannotCarry(draft);
    const where =
      [draft.issuer, draft.account].filter(Boolean).join(': ') || `account ${index + 1}`;
    if (reason) skipped.push({ where, message: reason });
    else carried.push(toRaw(draft));
  });
  const batchSize = Math.ceil(carried.length / perBatch);
  const uris: string[] = [];
  for (let batchIndex = 0; batchIndex < batchSize; batchIndex++) {
    const otpParameters = carried.slice(batchIndex * perBatch, (batchIndex + 1) * perBatch);
    const bytes = encodeMigrationPayload({
      otpParameters,
      version: 1,
      batchSize,
      batchIndex,
      batchId,
    });
    uris.push(`otpauth-migration://offline?data=${encodeURIComponent(base64.encode(bytes))}`);
  }
  return { uris, skipped };
}
