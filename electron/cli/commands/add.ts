import type { AccountDraft } from '../../core/otp/account';
import { buildDraft } from '../../core/otp/draft';
import { parseOtpauthUri } from '../../core/otp/otpauth';
import { parseIntegerFlag, UsageError, type CliContext } from '../cli-context';

/** `add URI` or `add --secret KEY --issuer I --account A [...]`. */
export async function addCommand(ctx: CliContext): Promise<number> {
  const { values, positionals } = ctx;
  let draft: AccountDraft;
  if (positionals.length > 1) throw new UsageError('add takes one otpauth URI (quote it), or --secret with --issuer/--account.');
  if (positionals[0] !== undefined) {
    if (values['secret'] !== undefined) throw new UsageError('Give either an otpauth URI or --secret, not both.');
    draft = parseOtpauthUri(positionals[0]);
  } else if (typeof values['secret'] === 'string') {
    if (values['hotp'] && values['steam']) throw new UsageError('--hotp and --steam do not go together.');
    draft = buildDraft({
      secret: values['secret'],
      issuer: values['issuer'] as string | undefined,
      account: values['account'] as string | undefined,
      type: values['steam'] ? 'steam' : values['hotp'] ? 'hotp' : 'totp',
      algorithm: values['algorithm'] as string | undefined,
      digits: parseIntegerFlag(values['digits'], '--digits'),
      period: parseIntegerFlag(values['period'], '--period'),
      counter: parseIntegerFlag(values['counter'], '--counter'),
    });
  } else {
    throw new UsageError('add needs an otpauth URI or --secret KEY --issuer I --account A.');
  }
  const service = await ctx.openService(true);
  const added = await service.addAccount(draft);
  ctx.out(`Added ${[added.issuer, added.account].filter(Boolean).join(' / ')} (${added.type.toUpperCase()}, ${added.algorithm}, ${added.digits} digits) id ${added.id}`);
  return 0;
}
