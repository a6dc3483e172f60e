import { invalidInput } from '../errors';
import { parseOtpauthUri } from '../otp/otpauth';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer, ImportSource } from '../format/importer';
import { asArray, asRecord, parseJsonBytes, textField } from '../format/json-fields';

function entriesOf(source: ImportSource): readonly unknown[] | undefined {
  const json = asRecord(parseJsonBytes(source.bytes));
  const entries = asArray(json?.entries);
  if (!entries || typeof json?.version !== 'number' || json.header !== undefined) return undefined;
  return entries.length === 0 || typeof asRecord(asRecord(entries[0])?.content)?.uri === 'string'
    ? entries
    : undefined;
}

function convert(item: unknown) {
  const content = asRecord(asRecord(item)?.content);
  const uri = textField(content, 'uri') ?? '';
  const name = textField(content, 'name');
  if (/^steam:\/\//i.test(uri)) {
    return buildImportEntry({
      type: 'steam',
      secret: uri.slice('steam://'.length),
      issuer: 'Steam',
      account: name,
    });
  }
  if (!uri) throw invalidInput('The entry has no otpauth URI, so it was skipped.');
  const draft = parseOtpauthUri(uri);
  // The name the user gave in Proton wins over the URI label.
  return name ? { ...draft, account: name } : draft;
}

/** Proton Authenticator JSON export ({version, entries: [{content: {uri, entry_type, name}}]}). */
export const protonImporter: Importer = {
  id: 'proton',
  label: 'Proton Authenticator export',
  matches: (source) => entriesOf(source) !== undefined,
  isEncrypted: () => false,
  async read(source) {
    const collected = collectEntries(entriesOf(source) ?? [], convert, (item, index) =>
      describeEntry(index, undefined, textField(asRecord(asRecord(item)?.content), 'name')),
    );
    return toImportResult('Proton Authenticator export', collected);
  },
};
