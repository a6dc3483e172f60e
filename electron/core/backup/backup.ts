import { randomUUID } from 'node:crypto';
import { checkScryptCost } from '../limits/kdf-limits';
import {
  SCRYPT_PARAMS,
  deriveScryptKey,
  fromBase64,
  fromHex,
  openGcm,
  randomKey,
  sealGcm,
  toHex,
  type GcmSealed,
} from './backup-crypto';
import {
  fromAegisContent,
  toAegisContent,
  type BackupAccount,
  type BackupEntry,
} from './backup-entries';
import { UserError } from '../errors';
import {
  damagedFile,
  malformedFile,
  passwordRequired,
  wrongPassword,
} from '../format/import-errors';
import type { ImportIssue } from '../format/importer';
import { asArray, asRecord, parseJsonText, type JsonRecord } from '../format/json-fields';

export type { BackupAccount, BackupEntry } from './backup-entries';

/** Outer vault format version (docs/backup-format.md); Aegis has used 1 since its first release. */
export const AEGIS_VAULT_VERSION = 1;
const PASSWORD_SLOT = 1;
const LABEL = 'Aegis backup';

/** What a backup holds once opened. */
export interface AegisBackupContents {
  readonly encrypted: boolean;
  readonly entries: readonly BackupEntry[];
  readonly issues: readonly ImportIssue[];
}

function gcmParams(sealed: GcmSealed): JsonRecord {
  return { nonce: toHex(sealed.nonce), tag: toHex(sealed.tag) };
}

async function passwordSlot(masterKey: Uint8Array, password: string): Promise<JsonRecord> {
  const salt = randomKey(32);
  const slotKey = await deriveScryptKey(password, salt, SCRYPT_PARAMS);
  const wrapped = sealGcm(slotKey, masterKey);
  slotKey.fill(0); // a password-derived key is wiped once used
  return {
    type: PASSWORD_SLOT,
    uuid: randomUUID(),
    key: toHex(wrapped.ciphertext),
    key_params: gcmParams(wrapped),
    n: SCRYPT_PARAMS.n,
    r: SCRYPT_PARAMS.r,
    p: SCRYPT_PARAMS.p,
    salt: toHex(salt),
    // Tells Aegis the key was derived with the fixed password encoding (Aegis issue #95).
    repaired: true,
  };
}

/**
 * A master key with its password slot, derived once and reused for every automatic backup
 * (as Aegis does), so backups need neither the password nor a fresh scrypt run each time.
 * Secret: store it only inside the encrypted vault.
 */
export interface PreparedBackupKey {
  /** The 256-bit master key, lower-case hex. */
  readonly masterKey: string;
  /** The Aegis password slot wrapping `masterKey` (JSON as it appears in the header). */
  readonly slot: JsonRecord;
}

/** Derives a new master key and its scrypt password slot (slow: one scrypt run). */
export async function prepareBackupKey(password: string): Promise<PreparedBackupKey> {
  if (password.length === 0)
    throw new UserError(
      'invalid-input',
      'The backup password is empty. Choose a password, or make a plain backup.',
    );
  const masterKey = randomKey(32);
  return { masterKey: toHex(masterKey), slot: await passwordSlot(masterKey, password) };
}

/** Writes an encrypted Aegis vault file with a prepared key and slot (a fresh nonce each time). */
export function writeAegisBackupWithKey(
  accounts: readonly BackupAccount[],
  key: PreparedBackupKey,
): string {
  const masterKey = fromHex(key.masterKey);
  if (!masterKey || masterKey.length !== 32 || !asRecord(key.slot))
    throw new UserError(
      'invalid-input',
      'The stored backup key is damaged. Set the backup password again.',
    );
  const content = toAegisContent(accounts);
  const sealed = sealGcm(masterKey, new TextEncoder().encode(JSON.stringify(content)));
  const file = {
    version: AEGIS_VAULT_VERSION,
    header: { slots: [key.slot], params: gcmParams(sealed) },
    db: Buffer.from(sealed.ciphertext).toString('base64'),
  };
  return JSON.stringify(file, null, 4);
}

/**
 * Writes accounts as an Aegis vault file (JSON text). With a password: a random master key,
 * one scrypt password slot, and the content AES-256-GCM encrypted; with null: plain JSON.
 */
export async function writeAegisBackup(
  accounts: readonly BackupAccount[],
  password: string | null,
): Promise<string> {
  if (password === null) {
    return JSON.stringify(
      {
        version: AEGIS_VAULT_VERSION,
        header: { slots: null, params: null },
        db: toAegisContent(accounts),
      },
      null,
      4,
    );
  }
  return writeAegisBackupWithKey(accounts, await prepareBackupKey(password));
}

/** Parses the outer structure; a file cut short is reported as damaged, not as a foreign format. */
function parseVaultFile(text: string): JsonRecord {
  const file = asRecord(parseJsonText(text));
  if (!file) throw damagedFile(LABEL);
  if (file.version !== AEGIS_VAULT_VERSION) {
    throw new UserError(
      'unsupported-format',
      `This Aegis vault has version ${String(file.version).slice(0, 8)}; OTP Desk reads version 1. Export it again from Aegis.`,
    );
  }
  if (!asRecord(file.header) || file.db === undefined)
    throw malformedFile(LABEL, 'the header or the db field is missing');
  return file;
}

/** True when the header carries key slots, i.e. a password is needed. */
export function isEncryptedAegisBackup(text: string): boolean {
  const file = asRecord(parseJsonText(text));
  // A truncated file still says so in its header, so the password prompt comes before the damage report.
  if (!file) return /"slots"\s*:\s*\[/.test(text.slice(0, 4096));
  return Array.isArray(asRecord(file.header)?.slots);
}

async function unlockMasterKey(slots: readonly unknown[], password: string): Promise<Uint8Array> {
  const passwordSlots = slots.map(asRecord).filter((slot) => slot?.type === PASSWORD_SLOT);
  if (passwordSlots.length === 0) {
    throw new UserError(
      'unsupported-format',
      'This Aegis vault can only be unlocked with biometrics. In Aegis, export it with a password.',
    );
  }
  for (const slot of passwordSlots) {
    const salt = fromHex(slot?.salt);
    const key = fromHex(slot?.key);
    const params = asRecord(slot?.key_params);
    const nonce = fromHex(params?.nonce);
    const tag = fromHex(params?.tag);
    const { n, r, p } = slot ?? {};
    if (
      !salt ||
      !key ||
      !nonce ||
      !tag ||
      typeof n !== 'number' ||
      typeof r !== 'number' ||
      typeof p !== 'number'
    ) {
      throw damagedFile(LABEL);
    }
    checkScryptCost({ n, r, p }, LABEL); // before any memory or time is spent on them
    const slotKey = await deriveScryptKey(password, salt, { n, r, p }).catch(() => {
      throw damagedFile(LABEL); // absurd scrypt parameters: the header was altered
    });
    const masterKey = openGcm(slotKey, { ciphertext: key, nonce, tag });
    slotKey.fill(0);
    if (masterKey) return masterKey;
  }
  throw wrongPassword();
}

async function decryptContent(file: JsonRecord, password: string | undefined): Promise<JsonRecord> {
  const header = asRecord(file.header);
  const slots = asArray(header?.slots) ?? [];
  if (password === undefined || password === '') throw passwordRequired(LABEL);
  const masterKey = await unlockMasterKey(slots, password);
  const params = asRecord(header?.params);
  const ciphertext = fromBase64(file.db);
  const nonce = fromHex(params?.nonce);
  const tag = fromHex(params?.tag);
  if (!ciphertext || !nonce || !tag) throw damagedFile(LABEL);
  const plaintext = openGcm(masterKey, { ciphertext, nonce, tag });
  if (!plaintext) throw damagedFile(LABEL);
  const content = asRecord(parseJsonText(new TextDecoder().decode(plaintext)));
  if (!content) throw damagedFile(LABEL);
  return content;
}

/**
 * Opens an Aegis vault file (ours or Aegis's own export). Throws UserError 'password-required',
 * 'wrong-password' (no slot opens) or 'integrity' (altered or truncated content); bad entries become issues.
 */
export async function readAegisBackup(
  text: string,
  password?: string,
): Promise<AegisBackupContents> {
  const file = parseVaultFile(text);
  const header = asRecord(file.header);
  const encrypted = header?.slots !== null && header?.slots !== undefined;
  let content: JsonRecord | undefined;
  if (encrypted) content = await decryptContent(file, password);
  else content = asRecord(file.db);
  if (!content) throw malformedFile(LABEL, 'the db field is not a JSON object');
  const { entries, issues } = fromAegisContent(content);
  return { encrypted, entries, issues };
}
