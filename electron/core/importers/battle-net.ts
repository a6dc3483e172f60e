import { invalidInput } from '../errors';
import { isSharedPreferences, readSharedPreferences } from './android-prefs';
import { fromHex } from './cipher';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer, ImportSource } from '../format/importer';

const PREFIX = 'com.blizzard.messenger.';
/**
 * The Battle.net app XORs its serial and secret with this fixed key ("MASK" encryption type);
 * the same key Aegis and WinAuth use to read them.
 */
const MASK = fromHex(
  '398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a',
)!;

function unmask(hex: string | undefined): string {
  const bytes = fromHex(hex);
  if (!bytes || bytes.length === 0 || bytes.length > MASK.length)
    throw invalidInput('The authenticator data is not in the masked format Battle.net uses.');
  return String.fromCharCode(...bytes.map((b, i) => b ^ (MASK[i] ?? 0)));
}

function prefsOf(source: ImportSource): ReadonlyMap<string, string> | undefined {
  if (!isSharedPreferences(source.bytes)) return undefined;
  const prefs = readSharedPreferences(source.bytes);
  return prefs.has(`${PREFIX}AUTHENTICATOR_DEVICE_SECRET`) ? prefs : undefined;
}

function convert(prefs: ReadonlyMap<string, string>) {
  const kind = prefs.get(`${PREFIX}AUTHENTICATOR_CREDENTIALS_ENCRYPTION_TYPE`) ?? 'MASK';
  if (kind !== 'MASK')
    throw invalidInput(
      `Battle.net's "${kind.slice(0, 16)}" credential storage is not supported; only MASK is.`,
    );
  const secret = fromHex(unmask(prefs.get(`${PREFIX}AUTHENTICATOR_DEVICE_SECRET`)));
  if (!secret) throw invalidInput('The Battle.net secret is not in the expected hex form.');
  // Battle.net codes are standard TOTP: SHA1, 8 digits, 30 s; the serial names the authenticator.
  return buildImportEntry({
    secret,
    issuer: 'Battle.net',
    account: unmask(prefs.get(`${PREFIX}AUTHENTICATOR_SERIAL`)),
    digits: 8,
  });
}

/** Battle.net Authenticator's internal SharedPreferences (com.blizzard.messenger). */
export const battleNetImporter: Importer = {
  id: 'battle-net',
  label: 'Battle.net Authenticator data',
  matches: (source) => prefsOf(source) !== undefined,
  isEncrypted: () => false,
  async read(source) {
    const prefs = prefsOf(source);
    const collected = collectEntries(prefs ? [prefs] : [], convert, (_prefs, index) =>
      describeEntry(index, 'Battle.net'),
    );
    return toImportResult('Battle.net Authenticator data', collected);
  },
};
