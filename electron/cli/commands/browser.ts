import { join } from 'node:path';
import { UserError } from '../../core/errors';
import { BROWSERS, installHost, type BrowserName } from '../../browser/install-host.node';
import { suggestedDomains } from '../../browser/issuer-domains';
import { readPairings, removePairing, summarizePairing } from '../../browser/pairings';
import { resolveVaultDir } from '../../vault/paths.node';
import { UsageError, type CliContext } from '../cli-context';

/** dist/browser-host/host.cjs, beside this bundle's dist/cli/. */
const hostScript = () => join(__dirname, '..', 'browser-host', 'host.cjs');

async function installHostCommand(ctx: CliContext): Promise<number> {
  const browser = ctx.values['browser'] as string | undefined;
  const profileDir = ctx.values['profile'] as string | undefined;
  if (browser !== undefined && !(BROWSERS as readonly string[]).includes(browser)) throw new UsageError(`--browser takes ${BROWSERS.join(', ')}.`);
  const browsers: BrowserName[] = browser ? [browser as BrowserName] : profileDir ? ['chromium'] : [...BROWSERS];
  const written = await installHost({ vaultDir: resolveVaultDir(ctx.values['vault'] as string | undefined), hostScript: hostScript(), nodePath: process.execPath, browsers, ...(profileDir ? { profileDir } : {}) });
  if (written.length === 0) throw new UserError('not-found', `None of ${browsers.join(', ')} is set up for this user. Start the browser once, or name its profile with --profile DIR.`);
  for (const path of written) ctx.out(`Installed the OTP Desk browser host: ${path}`);
  return 0;
}

async function sitesCommand(ctx: CliContext, query: string | undefined): Promise<number> {
  if (!query) throw new UsageError('Name the account: otp-desk browser sites QUERY [--add DOMAIN | --remove DOMAIN].');
  const add = ctx.values['add'] as string | undefined;
  const remove = ctx.values['remove'] as string | undefined;
  if (add && remove) throw new UsageError('Give --add or --remove, not both.');
  const service = await ctx.openService(false);
  const matches = service.findAccounts(query);
  if (matches.length === 0) throw new UserError('not-found', `No account matches "${query}". See otp-desk list.`);
  if (matches.length > 1) throw new UserError('invalid-input', `${matches.length} accounts match "${query}"; give more of the name or the id (otp-desk list).`);
  let account = matches[0]!;
  if (add || remove) {
    const sites = account.sites ?? [];
    const next = add ? [...sites, add] : sites.filter((s) => s !== remove && s !== `http://${remove}`);
    if (remove && next.length === sites.length) throw new UserError('not-found', `${account.issuer} is not bound to ${remove}; nothing was changed.`);
    await service.setAccountSites(account.id, next);
    account = service.getAccount(account.id);
  }
  const sites = account.sites ?? [];
  if (sites.length === 0) {
    const suggested = suggestedDomains(account.issuer);
    ctx.out(`${account.issuer || account.account} is not bound to any site.${suggested.length ? ` Suggested (asked on the first fill there): ${suggested.join(', ')}` : ''}`);
  }
  for (const site of sites) ctx.out(site);
  return 0;
}

/** `browser install-host | sites | pairings | unpair`: browser fill set-up from the command line. */
export async function browserCommand(ctx: CliContext): Promise<number> {
  const [sub, arg] = ctx.positionals;
  if (sub === 'install-host') return installHostCommand(ctx);
  if (sub === 'sites') return sitesCommand(ctx, arg);
  if (sub === 'pairings') {
    const pairings = readPairings(await ctx.openService(false)).map(summarizePairing);
    if (ctx.values['json']) ctx.out(JSON.stringify(pairings, null, 2));
    else if (pairings.length === 0) ctx.out('No browser is paired. Pair from the OTP Desk button in the browser toolbar.');
    else for (const p of pairings) ctx.out(`${p.id}  ${p.name}  paired ${new Date(p.createdAt).toISOString().slice(0, 10)}`);
    return 0;
  }
  if (sub === 'unpair') {
    if (!arg) throw new UsageError('Give the pairing id: otp-desk browser unpair ID (see otp-desk browser pairings).');
    if (!(await removePairing(await ctx.openService(false), arg))) throw new UserError('not-found', `No paired browser has the id ${arg}. See otp-desk browser pairings.`);
    ctx.out('Unpaired. That browser gets nothing from OTP Desk until it pairs again.');
    return 0;
  }
  throw new UsageError('Use: otp-desk browser install-host | sites QUERY | pairings | unpair ID.');
}
