import { UserError } from '../../core/errors';
import type { TrashedAccount } from '../../vault/vault-data';
import { UsageError, type CliContext } from '../cli-context';

const REASONS: Record<NonNullable<TrashedAccount['reason']>, string> = {
  removed: 'removed here',
  sync: 'removed on another device',
  overwritten: 'older version, replaced by a sync',
};

/** A Trash entry's id: a removed account's own id, or the entry id of a replaced version. */
const entryIdOf = (t: TrashedAccount) => t.entryId ?? t.account.id;

/** `trash list [--json]` and `trash restore ID`: accounts removed (here or by a sync) and replaced versions, for 30 days. */
export async function trashCommand(ctx: CliContext): Promise<number> {
  const [action, id, ...rest] = ctx.positionals;
  if (action === 'list' && id === undefined) {
    const entries = (await ctx.openService(false)).trashEntries();
    if (ctx.values['json']) {
      const json = entries.map((t) => ({ id: entryIdOf(t), accountId: t.account.id, issuer: t.account.issuer, account: t.account.account, group: t.account.group, deletedAt: Math.floor(t.deletedAt / 1000), reason: t.reason ?? 'removed' }));
      ctx.out(JSON.stringify(json, null, 2));
      return 0;
    }
    if (entries.length === 0) ctx.out('The Trash is empty.');
    for (const t of entries) {
      ctx.out(`${entryIdOf(t)}  ${t.account.issuer || '-'}  ${t.account.account || '-'}  ${new Date(t.deletedAt).toISOString()}  ${REASONS[t.reason ?? 'removed']}`);
    }
    return 0;
  }
  if (action === 'restore' && id !== undefined && rest.length === 0) {
    const service = await ctx.openService(false);
    const matches = service.trashEntries().filter((t) => entryIdOf(t) === id || entryIdOf(t).startsWith(id));
    const exact = matches.filter((t) => entryIdOf(t) === id);
    const chosen = exact.length === 1 ? exact : matches;
    if (chosen.length === 0) throw new UserError('not-found', `Nothing in the Trash has the id "${id}". See otp-desk trash list.`);
    if (chosen.length > 1) throw new UserError('invalid-input', `"${id}" starts ${chosen.length} Trash ids; give the whole id from otp-desk trash list.`);
    const restored = await service.restoreTrashEntry(entryIdOf(chosen[0]!));
    ctx.out(`Restored ${[restored.issuer, restored.account].filter(Boolean).join(' / ')}.`);
    return 0;
  }
  throw new UsageError('trash takes list [--json] or restore ID.');
}
