import type { Account } from '../core/otp/account';
import { readSettings } from '../core/settings';
import type { AuthenticatorService } from '../service';
import { suggestedDomains } from './issuer-domains';
import type { ResponseBody } from './protocol';
import { bindingMatches, checkPage, looksLike, parseSiteBinding, type SiteBinding } from './site-match';

/** What the app asks the user while answering a fill (a dialog in the app). */
export interface FillPrompts {
  /** Resolves true when the user said yes. */
  confirm(question: string): Promise<boolean>;
}

export const accountLabel = (a: Account) => (a.account ? `${a.issuer || 'Account'} (${a.account})` : a.issuer || 'Account');

function bindingsOf(account: Account): SiteBinding[] {
  return (account.sites ?? []).flatMap((site) => {
    try {
      return [parseSiteBinding(site)];
    } catch {
      return [];
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers one fill request: only accounts bound to the page's registrable domain, only a code.
 * Suggested bindings (from the issuer) fill only after the user confirms them in the app.
 */
export async function answerFill(service: AuthenticatorService, request: { pageUrl: string; frameUrl: string; accountId?: string }, prompts: FillPrompts): Promise<ResponseBody> {
  const page = checkPage(request.pageUrl, request.frameUrl);
  if (!page.ok) return { type: 'refused', message: page.message };
  const accounts = service.accounts();
  const verdicts = accounts.map((account) => ({ account, verdicts: bindingsOf(account).map((b) => bindingMatches(b, page)) }));
  let candidates = verdicts.filter((v) => v.verdicts.includes('match')).map((v) => v.account);
  if (candidates.length === 0) {
    if (verdicts.some((v) => v.verdicts.includes('insecure'))) {
      return { type: 'refused', message: `This page is not secure (http:). Accounts for ${page.domain} fill only on https pages, so nothing was filled.` };
    }
    const imitated = accounts.flatMap(bindingsOf).find((b) => looksLike(page.domain, b.domain));
    if (imitated) return { type: 'refused', message: `${page.host} only looks like ${imitated.domain}; it is a different site, so nothing was filled.` };
    const suggested = page.secure ? accounts.filter((a) => bindingsOf(a).length === 0 && suggestedDomains(a.issuer).includes(page.domain)) : [];
    const picked = await pickOne(suggested, request.accountId);
    if (!picked) return { type: 'refused', message: `No OTP Desk account is bound to ${page.domain}. In OTP Desk, edit the account and add ${page.domain} to its sites.` };
    if (!('secret' in picked)) return picked;
    if (!(await prompts.confirm(`Fill ${accountLabel(picked)} on ${page.domain}? From now on its code fills there.`))) {
      return { type: 'refused', message: `You did not confirm ${page.domain} for ${accountLabel(picked)} in OTP Desk, so nothing was filled.` };
    }
    await service.setAccountSites(picked.id, [...(picked.sites ?? []), page.domain]);
    candidates = [service.getAccount(picked.id)];
  }
  const chosen = await pickOne(candidates, request.accountId);
  if (!chosen) return { type: 'refused', message: 'That account is not bound to this site; nothing was filled.' };
  if (!('secret' in chosen)) return chosen;
  const settings = readSettings(service.vaultHandle.current.settings);
  if (settings.browserConfirmFill && !(await prompts.confirm(`Fill the code of ${accountLabel(chosen)} on ${page.host}?`))) {
    return { type: 'refused', message: 'You declined the fill in OTP Desk.' };
  }
  const code = await currentCode(service, chosen, settings.browserNextCodeSeconds);
  await service.recordFill(chosen.id, page.host);
  return { type: 'code', code: code.code, label: accountLabel(chosen), validUntil: code.validUntil };
}

/** One account: the one asked for, the only candidate, or (several) a choice for the user. */
async function pickOne(candidates: readonly Account[], accountId: string | undefined): Promise<Account | ResponseBody | undefined> {
  if (accountId !== undefined) return candidates.find((a) => a.id === accountId);
  if (candidates.length <= 1) return candidates[0];
  return { type: 'choose', accounts: candidates.map((a) => ({ id: a.id, label: accountLabel(a) })) };
}

/** The code to type: HOTP moves to its next counter; TOTP waits for the next period when this one is about to end. */
async function currentCode(service: AuthenticatorService, account: Account, waitBelowSeconds: number): Promise<{ code: string; validUntil: number }> {
  if (account.type === 'hotp') {
    const advanced = await service.advanceCounter(account.id);
    return { code: service.codeWindow(advanced, Math.floor(service.now() / 1000)).code, validUntil: 0 };
  }
  let now = service.now();
  let window = service.codeWindow(account, Math.floor(now / 1000));
  const leftMs = window.validUntil * 1000 - now;
  if (waitBelowSeconds > 0 && leftMs < waitBelowSeconds * 1000) {
    await sleep(leftMs + 20);
    now = service.now();
    window = service.codeWindow(account, Math.floor(now / 1000));
  }
  return { code: window.code, validUntil: window.validUntil };
}
