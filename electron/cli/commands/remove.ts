import { UserError } from '../../core/errors';
import type { Account } from '../../core/otp/account';
import type { AuthenticatorService } from '../../service';
import { UsageError, type CliContext } from '../cli-context';

/** The one account `query` (an id, or text in its issuer, name or group) names; an error a user can act on otherwise. */
export function findOneAccount(service: AuthenticatorService, query: string): Account {
  const matches = service.findAccounts(query);
  if (matches.length === 0) throw new UserError('not-found', `No account matches "${query}". See otp-desk list.`);
  if (matches.length > 1) {
    throw new UserError('invalid-input', `"${query}" matches ${matches.length} accounts; give the id from otp-desk list.`);
  }
  return matches[0]!;
}

/** `remove QUERY|ID [--yes]`: removes exactly one account, after asking unless --yes. */
export async function removeCommand(ctx: CliContext): Promise<number> {
  const query = ctx.positionals[0];
  if (query === undefined || ctx.positionals.length > 1) throw new UsageError('remove takes one QUERY or ID.');
  const service = await ctx.openService(false);
  const account = findOneAccount(service, query);
  const name = [account.issuer, account.account].filter(Boolean).join(' / ');
  if (!ctx.values['yes'] && !(await ctx.confirm(`Remove ${name}? You will no longer get its codes. [y/N] `))) {
    throw new UsageError('Not removed. Confirm at the prompt, or pass --yes.');
  }
  await service.removeAccount(account.id);
  ctx.out(`Removed ${name} (restorable for 30 days: otp-desk trash restore ${account.id}, or Recently deleted in the app).`);
  return 0;
}
