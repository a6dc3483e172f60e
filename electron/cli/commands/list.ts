import type { AccountSummary } from '../../core/otp/account';
import type { CliContext } from '../cli-context';

/** The `list --json` shape fixed by the CLI contract. */
export function listJson(a: AccountSummary) {
  return {
    id: a.id,
    type: a.type,
    issuer: a.issuer,
    account: a.account,
    algorithm: a.algorithm,
    digits: a.digits,
    ...(a.type === 'hotp' ? { counter: a.counter } : { period: a.period }),
  };
}

/** `list [--json]`: every account, no secrets. */
export async function listCommand(ctx: CliContext): Promise<number> {
  const accounts = (await ctx.openService(false)).listAccounts();
  if (ctx.values['json']) {
    ctx.out(JSON.stringify(accounts.map(listJson), null, 2));
    return 0;
  }
  if (accounts.length === 0) {
    ctx.out('No accounts yet. Add one with: otp-desk add \'otpauth://totp/…\' or otp-desk import FILE');
    return 0;
  }
  for (const a of accounts) {
    const kind = a.type === 'hotp' ? `HOTP counter ${a.counter}` : `${a.type.toUpperCase()} ${a.period}s`;
    ctx.out(`${a.id.slice(0, 8)}  ${a.issuer || '-'}  ${a.account || '-'}  ${kind} ${a.algorithm} ${a.digits} digits`);
  }
  return 0;
}
