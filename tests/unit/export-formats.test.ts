import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, test } from 'vitest';
import { createExport, revealAccount } from '../../electron/backups/export-service';
import { parseCsv } from '../../electron/core/importers/csv';
import { exportCsv } from '../../electron/core/exporters/csv';
import { exportHtmlSheet } from '../../electron/core/exporters/html-sheet';
import { selectAccounts } from '../../electron/core/exporters/selection';
import { parseOtpauthUri } from '../../electron/core/otp/otpauth';
import { EXPORT_ACCOUNTS, fieldsOf, freshVault } from './export-helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const hasZbar = existsSync('/usr/bin/zbarimg');

describe('CSV', () => {
  test('quotes commas, quotes and leading spaces so a standard CSV reader gets every cell back', () => {
    const rows = parseCsv(exportCsv(EXPORT_ACCOUNTS));
    expect(rows[0]).toEqual(['issuer', 'account', 'secret', 'type', 'algorithm', 'digits', 'period', 'counter', 'group']);
    expect(rows[2]!.slice(0, 2)).toEqual(['Bank, "Main" & Co', 'ana smith']);
    expect(rows[3]!.slice(3, 8)).toEqual(['hotp', 'SHA512', '6', '30', '4711']);
  });

  test('a cell a spreadsheet would run as a formula is written with a leading apostrophe', () => {
    expect(parseCsv(exportCsv(EXPORT_ACCOUNTS))[4]![0]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('printable sheet', () => {
  test('names, settings and the key in groups of four per account, with HTML escaped and print CSS', async () => {
    const html = await exportHtmlSheet(EXPORT_ACCOUNTS, new Date(Date.UTC(2024, 0, 31)));
    expect(html.match(/<section class="card">/g)).toHaveLength(EXPORT_ACCOUNTS.length);
    expect(html).toContain('Bank, &quot;Main&quot; &amp; Co');
    expect(html).not.toContain('<script');
    expect(html).toContain('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
    expect(html).toContain('HOTP · SHA512 · 6 digits · counter 4711');
    expect(html).toContain('Steam Guard · SHA1 · 5 characters · 30 s');
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/break-inside: avoid/);
  });

  test.skipIf(!hasZbar)('each QR code scans (zbarimg, an independent decoder) to the account it sits beside', async () => {
    const html = await exportHtmlSheet(EXPORT_ACCOUNTS.slice(0, 3), new Date());
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    const dir = mkdtempSync(join(tmpdir(), 'sheet-qr-'));
    for (const [i, svg] of svgs.entries()) {
      const file = join(dir, `${i}.png`);
      writeFileSync(file, await sharp(Buffer.from(svg)).resize(400).flatten({ background: '#fff' }).png().toBuffer());
      const text = execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      expect(fieldsOf(parseOtpauthUri(text))).toEqual(fieldsOf(EXPORT_ACCOUNTS[i]!));
    }
  });
});

describe('selection and re-authentication', () => {
  test('exports exactly the chosen ids, and refuses ids that are gone', () => {
    const all = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(selectAccounts(all, ['c', 'a'])).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(selectAccounts(all)).toEqual(all);
    expect(() => selectAccounts(all, ['a', 'gone'])).toThrow(/no longer exist/);
    expect(() => selectAccounts(all, [])).toThrow(/at least one/);
  });

  test('with a vault password, reveal and export need it; a wrong one reveals nothing', async () => {
    const { service, dispose } = await freshVault();
    cleanups.push(dispose);
    const [added] = await service.addAccounts([EXPORT_ACCOUNTS[0]!]);
    await service.vaultHandle.setPassword('vault pass 1');
    await expect(revealAccount(service, added!.id, undefined)).rejects.toMatchObject({ kind: 'password-required' });
    const wrong = await revealAccount(service, added!.id, 'nope').catch((e: Error) => e);
    expect(wrong).toMatchObject({ kind: 'wrong-password' });
    expect(String((wrong as Error).message)).not.toContain('JBSW');
    await expect(createExport(service, { format: 'uris' })).rejects.toMatchObject({ kind: 'password-required' });
    const revealed = await revealAccount(service, added!.id, 'vault pass 1');
    expect(revealed.secret).toBe('JBSWY3DPEHPK3PXP');
    expect(parseOtpauthUri(revealed.uri).issuer).toBe('GitHub');
    expect(revealed.qrSvg).toMatch(/^<svg/);
    const exported = await createExport(service, { format: 'csv', vaultPassword: 'vault pass 1' });
    expect(exported.encrypted).toBe(false);
    expect(Buffer.from(exported.files[0]!.dataBase64, 'base64').toString()).toContain('JBSWY3DPEHPK3PXP');
  });

  test('PDF needs the app (the bridge and CLI have no printer) and says what to use instead', async () => {
    const { service, dispose } = await freshVault();
    cleanups.push(dispose);
    await service.addAccounts([EXPORT_ACCOUNTS[0]!]);
    await expect(createExport(service, { format: 'pdf' })).rejects.toThrow(/HTML sheet/);
  });
});
