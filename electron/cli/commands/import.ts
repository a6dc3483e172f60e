import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportDecision, ImportPreview, ImportProblem } from '../../api';
import { UserError } from '../../core/errors';
import { readFailureReason } from '../../core/write-failure';
import { ImportService } from '../../import-service';
import { ImportSandbox } from '../../sandbox/import-sandbox.node';
import { readPasswordFile, UsageError, type CliContext } from '../cli-context';
import { promptHiddenPassword } from '../prompt-password';

async function readSource(path: string) {
  try {
    return { fileName: basename(path), bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    throw new UserError('io', `Cannot read ${path}: ${readFailureReason((error as NodeJS.ErrnoException).code)}.`);
  }
}

/** Names from --issuer/--account go to the only account found, or to accounts without a name (bare key files). */
function decisionsFor(preview: ImportPreview, issuer: string | undefined, account: string | undefined): ImportDecision[] {
  const only = preview.candidates.length === 1;
  return preview.candidates.map((c) => {
    const named = only || !c.account;
    return {
      key: c.key,
      action: c.duplicateOf ? 'skip' : 'add',
      issuer: named && issuer !== undefined ? issuer : c.issuer,
      account: named && account !== undefined ? account : c.account,
    };
  });
}

const withNothingImported = (message: string) => (/nothing was imported/i.test(message) ? message : `${message} Nothing was imported.`);

/** Up to five places, then "…". */
const listed = (places: readonly string[]) => places.slice(0, 5).join(', ') + (places.length > 5 ? ', …' : '');

/** All or nothing: the entries that can't be read, the first one's reason, and how to import the rest. */
function describeBadEntries(bad: readonly ImportProblem[], good: number): string {
  const first = bad[0]!;
  const count = `${bad.length} entries`;
  const rest = good > 0 ? `, or pass --skip-bad to import the other ${good}` : '';
  const what = bad.length === 1 ? `${first.source} can't be imported: ` : `${count} can't be imported (${listed(bad.map((p) => p.source))}). The first, ${first.source}: `;
  return `${what}${first.message} Nothing was imported. Fix ${bad.length === 1 ? 'it' : 'them'}${rest}.`;
}

/** The secret that opens the locked files: an age identity (--identity) or a password (--password-file). */
async function unlockSecret(preview: ImportPreview, passwordFile: string | undefined, identityFile: string | undefined): Promise<string> {
  const ageFiles = preview.locked.filter((l) => l.unlocksWith === 'identity');
  if (ageFiles.length > 0 && ageFiles.length < preview.locked.length) {
    throw new UsageError('Import age files separately from password-protected files (they open with --identity, the others with --password-file).');
  }
  if (ageFiles.length > 0) {
    if (!identityFile) throw new UserError('password-required', `${ageFiles.map((l) => l.fileName).join(', ')} is an age file: pass the identity it was encrypted to with --identity FILE (your age key file or SSH private key, e.g. ~/.ssh/id_ed25519).`);
    const ask = process.stdin.isTTY ? (question: string) => promptHiddenPassword(question, process.stdin, process.stderr, 'No passphrase was given, so nothing was imported.') : undefined;
    // Loaded only for age files: it brings the age library, which no other import needs in this process.
    return (await import('../age-options')).readCliIdentity(identityFile, ask);
  }
  if (!passwordFile) {
    // Opaque bytes only an encrypted backup could be: say both, so random data isn't called "encrypted".
    const guessed = preview.locked.find((l) => l.note);
    if (guessed) throw new UserError('unsupported-format', `${guessed.fileName} is not a format OTP Desk recognises; if it is an encrypted ${guessed.format}, pass its password with --password-file FILE.`);
    throw new UserError('password-required', `${preview.locked.map((l) => l.fileName).join(', ')} is encrypted. Pass its password with --password-file FILE.`);
  }
  return readPasswordFile(passwordFile);
}

/** `import FILE... [--password-file F | --identity F] [--issuer I --account A]`: all files or nothing. */
export async function importCommand(ctx: CliContext): Promise<number> {
  if (ctx.positionals.length === 0) throw new UsageError('import needs at least one FILE.');
  const sources = await Promise.all(ctx.positionals.map(readSource));
  const passwordFile = ctx.values['password-file'] as string | undefined;
  const service = await ctx.openService(true);
  const imports = new ImportService(service, new ImportSandbox());
  let preview = await imports.previewFiles(sources);
  const identityFile = ctx.values['identity'] as string | undefined;
  if (identityFile !== undefined && !preview.locked.some((l) => l.unlocksWith === 'identity')) {
    throw new UsageError('--identity opens age files; none of the files given is one.');
  }
  if (preview.locked.length > 0) {
    const password = await unlockSecret(preview, passwordFile, identityFile);
    // A wrong file password is an input error (exit 1), not a vault that can't be unlocked (exit 3).
    const opensWith = preview.locked.some((l) => l.unlocksWith === 'identity') ? 'identity' : 'password';
    preview = await imports.unlock(preview.id, password, opensWith).catch((error: unknown) => {
      throw error instanceof UserError ? new UserError('invalid-input', withNothingImported(error.message)) : error;
    });
  }
  const fileProblem = preview.problems.find((p) => p.scope === 'file');
  if (fileProblem) throw new UserError('invalid-input', withNothingImported(fileProblem.message));
  const bad = preview.problems;
  if (bad.length > 0 && ctx.values['skip-bad'] !== true) throw new UserError('invalid-input', describeBadEntries(bad, preview.candidates.length));
  for (const problem of bad) console.error(`otp-desk: skipped ${problem.source}: ${problem.message}`);
  const decisions = decisionsFor(preview, ctx.values['issuer'] as string | undefined, ctx.values['account'] as string | undefined);
  const unnamed = preview.candidates.find((c, i) => decisions[i]!.action === 'add' && (c.needsName || !c.issuer) && !decisions[i]!.account?.trim());
  if (unnamed) throw new UsageError(`${unnamed.source} holds a bare secret key with no account name: pass --account NAME (and --issuer if you like).`);
  const outcome = await imports.commit(preview.id, decisions);
  const formats = [...new Set(preview.candidates.map((c) => c.format))].join(', ');
  const skipped = outcome.skipped ? `; skipped ${outcome.skipped} already in the vault or repeated` : '';
  const unreadable = bad.length ? `; skipped ${bad.length} that can't be read (${listed(bad.map((p) => p.source))})` : '';
  ctx.out(`Imported ${outcome.added} account${outcome.added === 1 ? '' : 's'}${formats ? ` (${formats})` : ''}${skipped}${unreadable}.`);
  return 0;
}
