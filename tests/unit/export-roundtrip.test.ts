import { afterEach, describe, expect, test } from 'vitest';
import { buildExport } from '../../electron/core/exporters/build-export';
import type { ExportFormat } from '../../electron/core/exporters/export-format';
import { EXPORT_ACCOUNTS, fieldsOf, freshVault, importFiles } from './export-helpers';

// Export → import into a fresh vault must give back identical accounts, through the same
// import review a user goes through.

const NOW = Date.UTC(2024, 0, 31, 12, 0, 0);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function roundTrip(format: ExportFormat, accounts = EXPORT_ACCOUNTS, password?: string) {
  const output = await buildExport(format, accounts, { now: NOW, password });
  const vault = await freshVault();
  cleanups.push(vault.dispose);
  const preview = await importFiles(vault.service, output.files, password);
  return { output, preview, imported: vault.service.accounts().map(fieldsOf) };
}

describe('formats that carry every field give identical accounts back', () => {
  test.each(['uris', 'aegis-plain', 'csv'] as const)('%s', async (format) => {
    const { imported, preview } = await roundTrip(format);
    expect(preview.problems).toEqual([]);
    expect(imported).toEqual(EXPORT_ACCOUNTS.map(fieldsOf));
  });

  test('aegis (encrypted) needs the password and then gives everything back', async () => {
    const { imported, output } = await roundTrip('aegis', EXPORT_ACCOUNTS, 'correct horse battery');
    expect(output.encrypted).toBe(true);
    expect(String(output.files[0]!.data)).not.toContain('JBSWY3DPEHPK3PXP');
    expect(imported).toEqual(EXPORT_ACCOUNTS.map(fieldsOf));
  });

  test('aegis backups also bring back groups and favourites', async () => {
    const accounts = EXPORT_ACCOUNTS.map((a, i) => ({ ...a, favorite: i === 0 }));
    const output = await buildExport('aegis-plain', accounts, { now: NOW });
    const vault = await freshVault();
    cleanups.push(vault.dispose);
    await importFiles(vault.service, output.files);
    expect(vault.service.accounts().map((a) => [a.issuer, a.group, a.favorite])).toEqual(
      accounts.map((a) => [a.issuer, a.group ?? '', a.favorite]),
    );
  });

  test('aegis without a password is refused rather than written in the clear', async () => {
    await expect(buildExport('aegis', EXPORT_ACCOUNTS, { now: NOW })).rejects.toMatchObject({ kind: 'password-required' });
  });
});

describe('Google Authenticator transfer', () => {
  const representable = EXPORT_ACCOUNTS.filter((a) => a.type !== 'steam' && a.digits !== 7);

  test.each(['migration', 'migration-qr'] as const)('%s carries what Google Authenticator can and names the rest', async (format) => {
    const { imported, output } = await roundTrip(format);
    expect(imported).toEqual(representable.map(fieldsOf));
    expect(output.skipped.map((s) => s.where)).toEqual(['=HYPERLINK("x"): Zoë 🔑', 'Steam: gamer']);
    expect(output.skipped.every((s) => !s.message.includes('ONSWG4TF'))).toBe(true);
  });

  test('25 accounts make 3 QR codes of at most 10, as Google Authenticator batches them', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...EXPORT_ACCOUNTS[0]!, account: `user${i}` }));
    const { output, imported } = await roundTrip('migration-qr', many);
    expect(output.files.map((f) => f.fileName)).toEqual([1, 2, 3].map((n) => `otp-desk-20240131-120000-google-transfer-${n}-of-3.png`));
    expect(imported.map((a) => a.account)).toEqual(many.map((a) => a.account));
  });
});

test('every export but the encrypted one says it is unencrypted', async () => {
  for (const format of ['uris', 'aegis-plain', 'csv', 'migration', 'html'] as const) {
    expect((await buildExport(format, EXPORT_ACCOUNTS, { now: NOW })).encrypted).toBe(false);
  }
});
