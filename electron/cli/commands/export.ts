import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors';
import { buildExport } from '../../core/exporters/build-export';
import {
  EXPORT_FORMATS,
  isExportFormat,
  type ExportFormat,
} from '../../core/exporters/export-format';
import { KDBX_MIN_PASSWORD } from '../../core/exporters/kdbx';
import { cliInnerFormat, readCliRecipients } from '../age-options';
import { readPasswordFile, UsageError, type CliContext } from '../cli-context';
import { checkOutputPath, writeOutputFiles } from '../output-files';
import { selectCliAccounts } from '../select-accounts';

/** Formats that encrypt with --password-file, and formats whose bytes can't go to a terminal. */
const ENCRYPTED: readonly ExportFormat[] = ['aegis', 'kdbx'];
const NEEDS_OUT: Partial<Record<ExportFormat, string>> = {
  'migration-qr': 'writes PNG images: pass --out DIR',
  kdbx: 'writes a KeePass database file: pass --out FILE',
  age: 'writes a binary age file: pass --out FILE (or --armor for text)',
};

/** Reads and checks the export password (before the vault is opened, so a bad one costs no prompt). */
async function exportPassword(
  format: ExportFormat,
  passwordFile: string | undefined,
  flag = '--format',
): Promise<string | undefined> {
  if (!ENCRYPTED.includes(format)) return undefined;
  if (!passwordFile) {
    const instead = format === 'aegis' ? ' (or use --format aegis-plain)' : '';
    throw new UsageError(
      `${flag} ${format} encrypts the export: pass its password with --password-file FILE${instead.replace('--format', flag)}.`,
    );
  }
  const password = await readPasswordFile(passwordFile);
  if (password === '')
    throw new UserError(
      'invalid-input',
      `The password file ${passwordFile} is empty. Put the export password on its first line.`,
    );
  if (format === 'kdbx' && password.length < KDBX_MIN_PASSWORD) {
    throw new UserError(
      'invalid-input',
      `The KeePass database password in ${passwordFile} is shorter than ${KDBX_MIN_PASSWORD} characters. Choose a longer one; nothing was written.`,
    );
  }
  return password;
}

/**
 * `export --format F [--query Q | --ids ID,ID] [--out FILE|DIR] [--password-file F]
 * [--collection NAME] [--force]`. Every check that needs no vault runs first; the vault
 * password is asked for (when it has one) before any secret is read; files appear whole or not at all.
 */
export async function exportCommand(
  ctx: CliContext,
  err: (line: string) => void = (line) => console.error(line),
): Promise<number> {
  const format = ctx.values['format'];
  if (!isExportFormat(format))
    throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}.`);
  if (ctx.positionals.length > 0)
    throw new UsageError(
      'export takes no positional arguments; choose accounts with --query Q or --ids ID,ID.',
    );
  const out = ctx.values['out'] as string | undefined;
  const force = ctx.values['force'] === true;
  const collection = ctx.values['collection'] as string | undefined;
  if (collection !== undefined && format !== 'bitwarden')
    throw new UsageError('--collection only goes with --format bitwarden.');
  if (!out && NEEDS_OUT[format] && format !== 'age') throw new UsageError(`--format ${format} ${NEEDS_OUT[format]}.`);
  if (ctx.values['query'] !== undefined && ctx.values['ids'] !== undefined)
    throw new UsageError('Give either --query or --ids, not both.');
  const age = format === 'age';
  if (!age && ['recipient', 'recipients-file', 'inner', 'armor'].some((flag) => ctx.values[flag] !== undefined))
    throw new UsageError('--recipient, --recipients-file, --inner and --armor go with --format age.');
  const armor = ctx.values['armor'] === true;
  if (age && !out && !armor) throw new UsageError(`--format age ${NEEDS_OUT.age}.`);
  const inner = age ? cliInnerFormat(ctx.values['inner']) : undefined;
  if (inner === 'kdbx' && !out) throw new UsageError(`--inner kdbx ${NEEDS_OUT.age}.`);
  // Recipients are read and checked before the vault is opened: a bad key costs no password prompt.
  const recipients = age ? await readCliRecipients(ctx.values) : undefined;
  const password = await exportPassword(inner ?? format, ctx.values['password-file'] as string | undefined, inner ? '--inner' : '--format');
  if (out && format !== 'migration-qr') await checkOutputPath(out, force);

  const service = await ctx.openService(false, 'export your accounts');
  const accounts = selectCliAccounts(service, ctx.values['query'], ctx.values['ids']);
  const output = await buildExport(format, accounts, { now: ctx.now(), password, collection, recipients, inner, armor });
  const skipped = () =>
    output.skipped.forEach((s) => err(`otp-desk: left out ${s.where}: ${s.message}`));
  if (output.files.length === 0) {
    skipped();
    throw new UserError(
      'invalid-input',
      'None of the chosen accounts fits this format, so nothing was written. Choose another --format.',
    );
  }
  // Said once the files are in place, so a write that fails stays one line on stderr.
  const notes = () => {
    skipped();
    if (!output.encrypted)
      err(
        'otp-desk: warning: this export is not encrypted and holds your secret keys; keep it safe and delete it when done.',
      );
  };
  const count = accounts.length - output.skipped.length;
  const accountsText = `${count} account${count === 1 ? '' : 's'}`;
  if (format === 'migration-qr') {
    await mkdir(out!, { recursive: true, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      throw new UserError(
        'io',
        `Cannot create the folder ${out} (${error.code ?? 'error'}). Choose another --out DIR.`,
      );
    });
    await writeOutputFiles(
      output.files.map((f) => ({ path: join(out!, f.fileName), data: f.data })),
      force,
    );
    notes();
    ctx.out(
      `Wrote ${output.files.length} QR code image${output.files.length === 1 ? '' : 's'} to ${out} (${accountsText}).`,
    );
    return 0;
  }
  const file = output.files[0]!;
  if (!out) {
    notes();
    ctx.out(String(file.data).replace(/\r?\n$/, ''));
    return 0;
  }
  await writeOutputFiles([{ path: out, data: file.data }], force);
  notes();
  ctx.out(`Exported ${accountsText} to ${out}${recipients ? `, encrypted to ${recipients.length} recipient${recipients.length === 1 ? '' : 's'}` : ''}.`);
  return 0;
}
