import { recoverFromBackup, recoverFromPrevious } from '../../backups/vault-recovery.node';
import { ImportSandbox } from '../../sandbox/import-sandbox.node';
import { resolveVaultDir } from '../../vault/paths.node';
import { readPasswordFile, UsageError, type CliContext } from '../cli-context';

/** `recover --from-previous | --from BACKUP [--password-file F]`: brings back a damaged vault, keeping the damaged file. */
export async function recoverCommand(ctx: CliContext): Promise<number> {
  const dir = resolveVaultDir(ctx.values['vault'] as string | undefined);
  const from = ctx.values['from'] as string | undefined;
  if (ctx.values['from-previous'] === (from !== undefined))
    throw new UsageError('recover takes either --from-previous or --from BACKUP.json.');
  if (ctx.values['from-previous']) {
    const damaged = await recoverFromPrevious(dir, ctx.keyStore);
    ctx.out(`Restored the previous version of the vault. The damaged file is kept as ${damaged}.`);
    return 0;
  }
  const passwordFile = ctx.values['password-file'] as string | undefined;
  const password = passwordFile ? await readPasswordFile(passwordFile) : undefined;
  const { accounts, damaged } = await recoverFromBackup(
    dir,
    ctx.keyStore,
    new ImportSandbox(),
    from!,
    password,
  );
  ctx.out(
    `Restored ${accounts} account${accounts === 1 ? '' : 's'} from ${from} into a new vault. The damaged file is kept as ${damaged}.`,
  );
  return 0;
}
