import { invalidInput } from '../errors';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer, ImportSource } from '../format/importer';
import { fromBase64 } from './cipher';
import { asRecord, parseJsonBytes, textField, type JsonRecord } from '../format/json-fields';

function isSteamGuard(record: JsonRecord | undefined): boolean {
  return typeof record?.shared_secret === 'string' && 'account_name' in record;
}

/** Steamguard-<steamid> files: old layout is one account object, newer is {accounts: {key: account}}. */
function accountsOf(source: ImportSource): readonly JsonRecord[] | undefined {
  const json = asRecord(parseJsonBytes(source.bytes));
  if (isSteamGuard(json)) return [json as JsonRecord];
  const accounts = asRecord(json?.accounts);
  const list = accounts ? Object.values(accounts).map(asRecord) : [];
  return list.length > 0 && list.every(isSteamGuard) ? (list as JsonRecord[]) : undefined;
}

function convert(account: JsonRecord) {
  const secret = fromBase64(account.shared_secret);
  if (!secret) throw invalidInput('The shared_secret is not base64, so the entry was skipped.');
  return buildImportEntry({
    type: 'steam',
    secret,
    issuer: 'Steam',
    account: textField(account, 'account_name'),
  });
}

/** Steam mobile authenticator files (Steamguard-*, as SteamDesktopAuthenticator and rooted phones keep them). */
export const steamImporter: Importer = {
  id: 'steam',
  label: 'Steam Guard file',
  matches: (source) => accountsOf(source) !== undefined,
  isEncrypted: () => false,
  async read(source) {
    const collected = collectEntries(accountsOf(source) ?? [], convert, (account, index) =>
      describeEntry(index, 'Steam', textField(account, 'account_name')),
    );
    return toImportResult('Steam Guard file', collected);
  },
};
