import type { ExportRequest, ExportResult, RevealedAccount } from '../api';
import { parseAgeRecipients, RECIPIENTS_SOURCE } from '../core/age/age-recipients';
import { UserError } from '../core/errors';
import { buildExport } from '../core/exporters/build-export';
import { qrSvg } from '../core/exporters/qr-render';
import { selectAccounts } from '../core/exporters/selection';
import { formatOtpauthUri } from '../core/otp/otpauth';
import { writeFailureReason } from '../core/write-failure';
import { writeFileAtomically } from '../vault/atomic-write.node';
import type { AuthenticatorService } from '../service';
import { requireVaultPassword } from './reauth';

/** Prints an HTML page to PDF bytes; only the app has it (Electron's webContents.printToPDF). */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

const toBase64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

/** Builds an export after re-authentication; `pdf` is the printable sheet printed by `printToPdf`. */
export async function createExport(service: AuthenticatorService, request: ExportRequest, printToPdf?: PrintToPdf): Promise<ExportResult> {
  // Checked before re-authentication, so a mistyped key costs no password.
  const recipients = request.format === 'age' ? parseAgeRecipients(request.recipients ?? '', RECIPIENTS_SOURCE) : undefined;
  await requireVaultPassword(service, request.vaultPassword, 'export your accounts');
  const accounts = selectAccounts(service.accounts(), request.ids);
  const now = service.now();
  if (request.format === 'pdf') {
    if (!printToPdf) throw new UserError('io', 'PDF printing needs the OTP Desk app. Export the printable HTML sheet and print it from a browser instead.');
    const sheet = await buildExport('html', accounts, { now });
    const file = sheet.files[0]!;
    const pdf = await printToPdf(String(file.data));
    return { files: [{ fileName: file.fileName.replace(/\.html$/, '.pdf'), mimeType: 'application/pdf', dataBase64: toBase64(pdf) }], skipped: [], encrypted: false };
  }
  const output = await buildExport(request.format, accounts, { now, password: request.password, collection: request.collection, recipients, inner: request.inner, armor: request.armor });
  return {
    files: output.files.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, dataBase64: toBase64(f.data) })),
    skipped: output.skipped,
    encrypted: output.encrypted,
  };
}

/** Writes an export the user chose a place for, owner-only (0600) like the CLI's, all or nothing. */
export async function saveExportFile(path: string, data: Uint8Array): Promise<void> {
  await writeFileAtomically(path, data, { mode: 0o600 }).catch((error: NodeJS.ErrnoException) => {
    throw new UserError('io', `Cannot save ${path}: ${writeFailureReason(error.code)}. Choose another folder and try again.`);
  });
}

/** "Show QR" / "Reveal key" for one account, after re-authentication. */
export async function revealAccount(service: AuthenticatorService, id: string, vaultPassword: string | undefined): Promise<RevealedAccount> {
  const account = service.getAccount(id);
  await requireVaultPassword(service, vaultPassword, 'show this key');
  const uri = formatOtpauthUri(account);
  return { id, uri, secret: account.secret, qrSvg: await qrSvg(uri) };
}
