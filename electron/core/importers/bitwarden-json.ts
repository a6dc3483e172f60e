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

interface BitwardenLogin {
  readonly name?: string;
  readonly username?: string;
  readonly totp?: string;
  readonly group: string;
  readonly favorite: boolean;
}

/** Folder (individual export) or collection (organisation export) names by id. */
function namesById(list: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of asArray(list) ?? []) {
    const record = asRecord(entry);
    const id = textField(record, 'id');
    const name = textField(record, 'name')?.trim();
    if (id && name) names.set(id, name);
  }
  return names;
}

/**
 * The collection every other collection nests under (`Root` of `Root/Work`), as OTP Desk's
 * organisation export writes them; its prefix is dropped so groups come back as they were.
 */
function commonRoot(names: readonly string[]): string | undefined {
  return names.find((root) => names.every((n) => n === root || n.startsWith(`${root}/`)));
}

/** The group of an item: its folder, else its first collection (below the common root). */
function groupsOf(data: JsonRecord | undefined): (record: JsonRecord | undefined) => string {
  const folders = namesById(data?.folders);
  const collections = namesById(data?.collections);
  const root = commonRoot([...collections.values()]);
  return (record) => {
    const folder = folders.get(textField(record, 'folderId') ?? '');
    if (folder) return folder;
    const first = (asArray(record?.collectionIds) ?? []).find((id) => typeof id === 'string' && collections.has(id));
    const collection = collections.get(first as string) ?? '';
    if (root === undefined) return collection;
    return collection === root ? '' : collection.startsWith(`${root}/`) ? collection.slice(root.length + 1) : collection;
  };
}

function loginOf(item: unknown, groupOf: (record: JsonRecord | undefined) => string): BitwardenLogin {
  const record = asRecord(item);
  const login = asRecord(record?.login);
  return {
    name: textField(record, 'name'),
    username: textField(login, 'username'),
    totp: textField(login, 'totp'),
    group: groupOf(record),
    favorite: record?.favorite === true,
  };
}

/** Bitwarden's unencrypted JSON vault export (items[].login.totp), folders or collections as groups. */
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
    const groupOf = groupsOf(data);
    const items = (asArray(data?.items) ?? []).map((item) => loginOf(item, groupOf)).filter((item) => item.totp?.trim());
    const collected = collectEntries(
      items,
      (item) => ({ ...bitwardenTotpEntry({ ...item, totp: item.totp ?? '' }), group: item.group, favorite: item.favorite }),
      (item, index) => describeEntry(index, item.name, item.username),
    );
    return toImportResult('Bitwarden JSON export', collected);
  },
};
