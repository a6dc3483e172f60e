import { UserError } from '../errors';
import { bitwardenTotpEntry } from './bitwarden-totp';
import { collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer, ImportSource } from '../format/importer';
import { asArray, asRecord, parseJsonBytes, textField, type JsonRecord } from '../format/json-fields';

function exportOf(source: ImportSource): JsonRecord | undefined {
  const json = asRecord(parseJsonBytes(source.bytes));
  return json &&
    typeof json.encrypted === 'boolean' &&
    (Array.isArray(json.items) || json.encrypted)
    ? json
    : undefined;
}

function loginOf(item: unknown): { name?: string; username?: string; totp?: string } {
  const record = asRecord(item);
  const login = asRecord(record?.login);
  return {
    name: textField(record, 'name'),
    username: textField(login, 'username'),
    totp: textField(login, 'totp'),
  };
}

/** Bitwarden's unencrypted JSON vault export (items[].login.totp). */
export const bitwardenJsonImporter: Importer = {
  id: 'bitwarden-json',
  label: 'Bitwarden JSON export',
  matches: (source) => exportOf(source) !== undefined,
  isEncrypted: () => false,
  async read(source) {
    const data = exportOf(source);
    if (data?.encrypted === true) {
      throw new UserError(
        'unsupported-format',
        'This Bitwarden export is encrypted, which OTP Desk cannot open. In Bitwarden, export the vault as "JSON" (not "JSON (Encrypted)") and import that.',
      );
    }
    const items = (asArray(data?.items) ?? []).map(loginOf).filter((item) => item.totp?.trim());
    const collected = collectEntries(
      items,
      (item) => bitwardenTotpEntry({ ...item, totp: item.totp ?? '' }),
      (item, index) => describeEntry(index, item.name, item.username),
    );
    return toImportResult('Bitwarden JSON export', collected);
  },
};
