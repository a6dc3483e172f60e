import { argon2id } from 'hash-wasm';
import * as kdbxweb from 'kdbxweb';
import type { AccountDraft } from '../otp/account';
import { formatOtpauthUri } from '../otp/otpauth';
import { invalidInput } from '../errors';
import { describeSettings } from './html-sheet';

/** An account as the KeePass export writes it; the group becomes a KeePass group. */
export type KdbxAccount = AccountDraft & { readonly group?: string };

/** KeePassXC asks for at least this much; shorter passwords are refused before anything is written. */
export const KDBX_MIN_PASSWORD = 8;

/**
 * Argon2id as KeePassXC sets it up for a new KDBX 4 database (64 MiB, parallelism 2), with
 * 3 passes: about 0.25 s in hash-wasm here, and no weaker than KeePassXC's own default.
 */
export const KDBX_ARGON2 = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 2 } as const;

let argon2Installed = false;

/** kdbxweb ships no Argon2; it gets hash-wasm's (the one Stratum imports already use). */
function installArgon2(): void {
  if (argon2Installed) return;
  kdbxweb.CryptoEngine.setArgon2Impl(
    async (password, salt, memory, iterations, length, parallelism, type, version) => {
      if (type !== kdbxweb.CryptoEngine.Argon2TypeArgon2id || version !== 0x13) {
        throw new Error('OTP Desk only derives Argon2id v1.3 keys');
      }
      const hash = await argon2id({
        password: new Uint8Array(password),
        salt: new Uint8Array(salt),
        memorySize: memory,
        iterations,
        hashLength: length,
        parallelism,
        outputType: 'binary',
      });
      return hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength) as ArrayBuffer;
    },
  );
  argon2Installed = true;
}

/** "Issuer (account)", or whichever of the two is set. */
export function kdbxTitle(a: AccountDraft): string {
  if (a.issuer && a.account) return `${a.issuer} (${a.account})`;
  return a.issuer || a.account || 'Unnamed account';
}

/**
 * The `otp` field as KeePassXC and KeePassDX read it: an otpauth URI. Steam is written as
 * KeePassXC spells it (`otpauth://totp/…&encoder=steam`), which both apps and our importer read.
 */
export function kdbxOtpUri(a: AccountDraft): string {
  if (a.type !== 'steam') return formatOtpauthUri(a);
  return `${formatOtpauthUri({ ...a, type: 'totp' })}&encoder=steam`;
}

const KEEPASS_ALGORITHM = {
  SHA1: 'HMAC-SHA-1',
  SHA256: 'HMAC-SHA-256',
  SHA512: 'HMAC-SHA-512',
} as const;

/** KeePass 2.47+'s own OTP fields (TimeOtp-… and HmacOtp-…), so the original KeePass shows codes too. */
function keepassNativeFields(a: AccountDraft): [string, string, boolean][] {
  if (a.type === 'hotp') {
    return [
      ['HmacOtp-Secret-Base32', a.secret, true],
      ['HmacOtp-Counter', String(a.counter), false],
    ];
  }
  if (a.type === 'steam') return [];
  return [
    ['TimeOtp-Secret-Base32', a.secret, true],
    ['TimeOtp-Length', String(a.digits), false],
    ['TimeOtp-Period', String(a.period), false],
    ['TimeOtp-Algorithm', KEEPASS_ALGORITHM[a.algorithm], false],
  ];
}

/** The KeePass group for an OTP Desk group name, created on first use under the root. */
function groupFor(
  db: kdbxweb.Kdbx,
  cache: Map<string, kdbxweb.KdbxGroup>,
  name: string,
): kdbxweb.KdbxGroup {
  const root = db.getDefaultGroup();
  if (!name) return root;
  let group = cache.get(name);
  if (!group) {
    group = db.createGroup(root, name);
    cache.set(name, group);
  }
  return group;
}

/**
 * A KeePass KDBX 4 database (AES-256, Argon2id) holding one entry per account: title
 * `Issuer (account)`, username = account, the otpauth URI in the protected `otp` field, the
 * settings in Notes, one group per OTP Desk group. Written by kdbxweb, not by hand.
 */
export async function exportKdbx(
  accounts: readonly KdbxAccount[],
  password: string,
  now: Date,
): Promise<Uint8Array> {
  if (password.length < KDBX_MIN_PASSWORD) {
    throw invalidInput(
      `The KeePass database password must be at least ${KDBX_MIN_PASSWORD} characters. Choose a longer one.`,
    );
  }
  installArgon2();
  const credentials = new kdbxweb.KdbxCredentials(kdbxweb.ProtectedValue.fromString(password));
  const db = kdbxweb.Kdbx.create(credentials, 'OTP Desk');
  db.header.setVersion(4);
  db.header.setKdf(kdbxweb.Consts.KdfId.Argon2id);
  const kdf = db.header.kdfParameters!;
  kdf.set(
    'M',
    kdbxweb.VarDictionary.ValueType.UInt64,
    kdbxweb.Int64.from(KDBX_ARGON2.memoryKiB * 1024),
  );
  kdf.set('I', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(KDBX_ARGON2.iterations));
  kdf.set('P', kdbxweb.VarDictionary.ValueType.UInt32, KDBX_ARGON2.parallelism);
  // An escrow copy has nothing to undelete: no empty "Recycle Bin" group in it.
  const root = db.getDefaultGroup();
  root.groups = root.groups.filter((g) => !db.meta.recycleBinUuid?.equals(g.uuid));
  db.meta.recycleBinUuid = undefined;
  db.meta.recycleBinEnabled = false;
  const groups = new Map<string, kdbxweb.KdbxGroup>();
  for (const account of accounts) {
    const entry = db.createEntry(groupFor(db, groups, account.group ?? ''));
    entry.fields.set('Title', kdbxTitle(account));
    entry.fields.set('UserName', account.account);
    entry.fields.set(
      'Notes',
      `${describeSettings(account)}\nExported from OTP Desk on ${now.toISOString().slice(0, 10)}.`,
    );
    entry.fields.set('otp', kdbxweb.ProtectedValue.fromString(kdbxOtpUri(account)));
    for (const [name, value, secret] of keepassNativeFields(account)) {
      entry.fields.set(name, secret ? kdbxweb.ProtectedValue.fromString(value) : value);
    }
    entry.times.update();
  }
  return new Uint8Array(await db.save());
}
