import type { AccountPatch } from '../../api';
import { UsageError, type CliContext } from '../cli-context';
import { findOneAccount } from './remove';

function favoriteFlag(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'yes' || value === 'no') return value === 'yes';
  throw new UsageError('--favorite takes yes or no.');
}

/** `edit QUERY|ID [--issuer I] [--account A] [--group G] [--favorite yes|no]`: renames, regroups or (un)favourites one account. */
export async function editCommand(ctx: CliContext): Promise<number> {
  const query = ctx.positionals[0];
  if (query === undefined || ctx.positionals.length > 1) throw new UsageError('edit takes one QUERY or ID.');
  const text = (name: string) => (ctx.values[name] === undefined ? undefined : String(ctx.values[name]));
  const favorite = favoriteFlag(ctx.values['favorite']);
  const patch: AccountPatch = {
    ...(text('issuer') !== undefined ? { issuer: text('issuer') } : {}),
    ...(text('account') !== undefined ? { account: text('account') } : {}),
    ...(text('group') !== undefined ? { group: text('group') } : {}),
    ...(favorite !== undefined ? { favorite } : {}),
  };
  if (Object.keys(patch).length === 0) throw new UsageError('edit needs at least one of --issuer, --account, --group, --favorite.');
  const service = await ctx.openService(false);
  const account = findOneAccount(service, query);
  const after = await service.updateAccount(account.id, patch);
  ctx.out(`Changed ${[after.issuer, after.account].filter(Boolean).join(' / ')}${after.group ? ` (group ${after.group})` : ''}${after.favorite ? ', a favourite' : ''}.`);
  return 0;
}
