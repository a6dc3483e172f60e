import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer, ImportSource } from '../format/importer';
import { asArray, asRecord, numberField, parseJsonBytes, textField } from '../format/json-fields';

function accountsOf(source: ImportSource): readonly unknown[] | undefined {
  const list = asArray(parseJsonBytes(source.bytes));
  return list && list.length > 0 && asRecord(asRecord(list[0])?.otpGenerator) ? list : undefined;
}

function convert(item: unknown) {
  const record = asRecord(item);
  const generator = asRecord(record?.otpGenerator);
  const counter = numberField(generator, 'counter');
  // Duo stores no type, issuer or parameters: a counter means HOTP; both kinds are SHA1 / 6 digits.
  return buildImportEntry({
    type: counter === undefined ? 'totp' : 'hotp',
    secret: textField(generator, 'otpSecret'),
    account: textField(record, 'name'),
    counter,
  });
}

/** Duo Mobile's internal accounts.json (files/duokit/accounts.json); Duo push accounts have no OTP secret. */
export const duoImporter: Importer = {
  id: 'duo',
  label: 'Duo Mobile accounts',
  matches: (source) => accountsOf(source) !== undefined,
  isEncrypted: () => false,
  async read(source) {
    const collected = collectEntries(accountsOf(source) ?? [], convert, (item, index) =>
      describeEntry(index, undefined, textField(asRecord(item), 'name')),
    );
    return toImportResult('Duo Mobile accounts', collected);
  },
};
