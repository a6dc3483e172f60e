import QRCode from 'qrcode';
import { UserError } from '../../core/errors';
import { describeSettings, groupKey } from '../../core/exporters/html-sheet';
import { formatOtpauthUri } from '../../core/otp/otpauth';
import { UsageError, type CliContext } from '../cli-context';

/**
 * The otpauth URI as a QR code of text: with colours on a terminal (right way round on light
 * and dark themes), plain block characters (dark modules as █) when the output is piped.
 */
export function terminalQr(uri: string, colour: boolean): Promise<string> {
  return QRCode.toString(
    uri,
    colour
      ? { type: 'terminal', small: true, errorCorrectionLevel: 'M' }
      : { type: 'utf8', margin: 2, errorCorrectionLevel: 'M' },
  );
}

/** `show QUERY`: one account's key, otpauth link and a terminal QR code, after re-authentication. */
export async function showCommand(
  ctx: CliContext,
  err: (line: string) => void = (line) => console.error(line),
): Promise<number> {
  const query = ctx.positionals[0];
  if (query === undefined || ctx.positionals.length > 1)
    throw new UsageError('show takes one QUERY or ID (quote it if it has spaces).');
  const service = await ctx.openService(false, 'show this key');
  const matches = service.findAccounts(query);
  if (matches.length === 0)
    throw new UserError('not-found', `No account matches "${query}". See otp-desk list.`);
  if (matches.length > 1)
    throw new UserError(
      'invalid-input',
      `"${query}" matches ${matches.length} accounts; give the id from otp-desk list.`,
    );
  const account = matches[0]!;
  if (!service.hasPassword)
    err(
      'otp-desk: warning: the vault has no password, so none was asked: this output holds the secret key in the clear. Clear the terminal when done.',
    );
  const uri = formatOtpauthUri(account);
  ctx.out(
    `${[account.issuer, account.account].filter(Boolean).join(' / ')}  (${describeSettings(account)})`,
  );
  ctx.out(`Key:  ${groupKey(account.secret)}`);
  ctx.out(`Link: ${uri}`);
  ctx.out((await terminalQr(uri, process.stdout.isTTY === true)).replace(/\n+$/, ''));
  return 0;
}
