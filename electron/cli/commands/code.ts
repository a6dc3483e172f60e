import type { Account } from '../../core/otp/account';
import { UserError } from '../../core/errors';
import { nodeHmac } from '../../core/otp/hmac.node';
import { codeWindow, groupCode } from '../../core/otp/otp';
import { parseTime, UsageError, type CliContext } from '../cli-context';

const label = (a: Account) => [a.issuer, a.account].filter(Boolean).join(' / ') || a.id.slice(0, 8);

/**
 * `--format aws`: the current and the next code of one TOTP account as the flags
 * `aws iam enable-mfa-device` (and `resync-mfa-device`) take, ready to paste after it.
 */
function awsCodes(ctx: CliContext, accounts: readonly Account[], atSeconds: number): number {
  if (accounts.length !== 1) {
    throw new UserError('invalid-input', `--format aws needs a QUERY matching exactly one account (it matches ${accounts.length}: ${accounts.slice(0, 3).map(label).join(', ')}). Give the id from otp-desk list.`);
  }
  const account = accounts[0]!;
  if (account.type !== 'totp') throw new UserError('invalid-input', `${label(account)} is not a time-based (TOTP) account; AWS virtual MFA devices are TOTP.`);
  const w = codeWindow(account, atSeconds, nodeHmac);
  ctx.out(`--authentication-code1 ${w.code} --authentication-code2 ${w.next}`);
  return 0;
}

/** `code [QUERY] [--at TIME] [--next] [--advance] [--json]`, or `code QUERY --format aws`. */
export async function codeCommand(ctx: CliContext): Promise<number> {
  const { values, positionals } = ctx;
  if (positionals.length > 1) throw new UsageError('code takes at most one QUERY (quote it if it has spaces).');
  if (values['format'] !== undefined && values['format'] !== 'aws') throw new UsageError(`code --format takes aws (not "${String(values['format'])}").`);
  if (values['format'] === 'aws' && (values['json'] || values['advance'] || positionals[0] === undefined)) {
    throw new UsageError('code QUERY --format aws prints two codes for one account; give its QUERY, without --json or --advance.');
  }
  const service = await ctx.openService(false);
  const query = positionals[0];
  let accounts = query === undefined ? [...service.accounts()] : service.findAccounts(query);
  if (accounts.length === 0) {
    throw new UserError('not-found', query === undefined ? 'The vault has no accounts yet. Add one with otp-desk add.' : `No account matches "${query}". See otp-desk list.`);
  }
  if (values['advance']) {
    const hotp = accounts.filter((a) => a.type === 'hotp');
    if (hotp.length !== 1) {
      throw new UserError('invalid-input', `--advance needs a QUERY matching exactly one HOTP account (it matches ${hotp.length}).`);
    }
    const advanced = await service.advanceCounter(hotp[0]!.id);
    accounts = [advanced];
  }
  const atMs = values['at'] !== undefined ? parseTime(values['at'] as string) : service.now();
  const atSeconds = Math.floor(atMs / 1000);
  if (values['format'] === 'aws') return awsCodes(ctx, accounts, atSeconds);
  const rows = accounts.map((a) => ({ a, w: service.codeWindow(a, atSeconds) }));
  if (values['json']) {
    const json = rows.map(({ a, w }) => ({
      id: a.id,
      issuer: a.issuer,
      account: a.account,
      code: w.code,
      ...(values['next'] ? { next: w.next } : {}),
      validFrom: w.validFrom,
      validUntil: w.validUntil,
    }));
    ctx.out(JSON.stringify(json, null, 2));
    return 0;
  }
  for (const { a, w } of rows) {
    const left = a.type === 'hotp' ? `counter ${a.counter}` : `${w.validUntil - atSeconds}s left`;
    const next = values['next'] ? `  next ${groupCode(w.next)}` : '';
    ctx.out(`${groupCode(w.code)}${next}  ${label(a)}  (${left})`);
  }
  return 0;
}
