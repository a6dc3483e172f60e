import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors';
import { buildExport } from '../../core/exporters/build-export';
import { EXPORT_FORMATS, isExportFormat } from '../../core/exporters/export-format';
import { readPasswordFile, UsageError, type CliContext } from '../cli-context';

/** Writes a file with owner-only permissions via a temp file and rename, so a half-written export never appears. */
async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.otp-desk-export-${process.pid}.tmp`);
  try {
    await writeFile(temp, data, { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    throw new UserError('io', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another --out path.`);
  }
}

/** `export --format F [--out FILE|DIR] [--password-file F]`: every account, in one of the export formats. */
export async function exportCommand(ctx: CliContext, err: (line: string) => void = (line) => console.error(line)): Promise<number> {
  const format = ctx.values['format'];
  if (!isExportFormat(format)) throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}.`);
  if (ctx.positionals.length > 0) throw new UsageError('export takes no positional arguments; it exports every account.');
  const out = ctx.values['out'] as string | undefined;
  const passwordFile = ctx.values['password-file'] as string | undefined;
  if (format === 'aegis' && !passwordFile) throw new UsageError('--format aegis encrypts the export: pass its password with --password-file FILE (or use --format aegis-plain).');
  if (format === 'migration-qr' && !out) throw new UsageError('--format migration-qr writes PNG images: pass --out DIR.');
  const password = format === 'aegis' && passwordFile ? await readPasswordFile(passwordFile) : undefined;
  if (password === '') throw new UserError('invalid-input', `The password file ${passwordFile} is empty. Put the export password on its first line.`);
  const service = await ctx.openService(false);
  const accounts = service.accounts();
  const output = await buildExport(format, accounts, { now: ctx.now(), password });
  for (const skip of output.skipped) err(`otp-desk: left out ${skip.where}: ${skip.message}`);
  if (!output.encrypted) err('otp-desk: warning: this export is not encrypted and holds your secret keys; keep it safe and delete it when done.');
  if (format === 'migration-qr') {
    await mkdir(out!, { recursive: true, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      throw new UserError('io', `Cannot create the folder ${out} (${error.code ?? 'error'}). Choose another --out DIR.`);
    });
    for (const file of output.files) await writePrivateFile(join(out!, file.fileName), file.data);
    ctx.out(`Wrote ${output.files.length} QR code image${output.files.length === 1 ? '' : 's'} to ${out} (${accounts.length - output.skipped.length} accounts).`);
    return 0;
  }
  const file = output.files[0]!;
  if (!out) {
    ctx.out(String(file.data).replace(/\r?\n$/, ''));
    return 0;
  }
  await writePrivateFile(out, file.data);
  ctx.out(`Exported ${accounts.length - output.skipped.length} account${accounts.length === 1 ? '' : 's'} to ${out}.`);
  return 0;
}
