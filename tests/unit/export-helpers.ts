import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportDecision } from '../../electron/api';
import { NODE_IMPORTERS } from '../../electron/adapters/node-importers.node';
import type { AccountDraft } from '../../electron/core/otp/account';
import type { ExportFile } from '../../electron/core/exporters/export-format';
import { ImportService } from '../../electron/import-service';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';

/** Accounts covering every field: algorithms, 6/7/8 digits, periods, HOTP counters, Steam, awkward names. */
export const EXPORT_ACCOUNTS: readonly (AccountDraft & { group?: string })[] = [
  { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'GitHub', account: 'ana@example.com', group: 'Work' },
  { type: 'totp', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA256', digits: 8, period: 30, counter: 0, issuer: 'Bank, "Main" & Co', account: 'ana smith', group: '' },
  { type: 'hotp', secret: 'KRSXG5CTMVRXEZLU', algorithm: 'SHA512', digits: 6, period: 30, counter: 4711, issuer: 'VPN', account: 'ana:admin', group: 'Work' },
  { type: 'totp', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', algorithm: 'SHA1', digits: 7, period: 60, counter: 0, issuer: '=HYPERLINK("x")', account: 'Zoë 🔑', group: '' },
  { type: 'steam', secret: 'ONSWG4TFOQYTEMZUGU3DOOBZ', algorithm: 'SHA1', digits: 5, period: 30, counter: 0, issuer: 'Steam', account: 'gamer', group: '' },
  { type: 'totp', secret: 'NBSWY3DPEB3W64TMMQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: '', account: 'no-issuer@example.com', group: '' },
];

/** The OTP fields and names of an account, to compare what went out with what came back. */
export const fieldsOf = (a: AccountDraft) => ({
  type: a.type, secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter, issuer: a.issuer, account: a.account,
});

/** A fresh vault in a temp folder (in-memory key store), removed by `dispose`. */
export async function freshVault(): Promise<{ service: AuthenticatorService; dir: string; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'otp-desk-export-'));
  const service = await AuthenticatorService.open(dir, new MemoryKeyStore(), { create: true });
  return { service, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Imports exported files into `service` through the import review, adding every candidate. */
export async function importFiles(service: AuthenticatorService, files: readonly ExportFile[], password?: string) {
  const imports = new ImportService(service, NODE_IMPORTERS);
  const sources = files.map((f) => ({ fileName: f.fileName, bytes: typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data }));
  let preview = await imports.previewFiles(sources);
  if (preview.locked.length > 0) preview = await imports.unlock(preview.id, password ?? '');
  const decisions: ImportDecision[] = preview.candidates.map((c) => ({ key: c.key, action: 'add' }));
  await imports.commit(preview.id, decisions);
  return preview;
}
