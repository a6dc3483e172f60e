import { getDomain } from 'tldts';
import { domainToUnicode } from 'node:url';
import { invalidInput } from '../core/errors';

/**
 * Where an account may be filled: a registrable domain (Public Suffix List, private suffixes
 * included, so `alice.github.io` and `bob.github.io` are different sites) and whether plain
 * http is allowed there (only when the user bound `http://…` explicitly).
 */
export interface SiteBinding {
  readonly domain: string;
  readonly allowHttp: boolean;
}

const PSL = { allowPrivateDomains: true } as const;

/** The registrable domain of a (punycode) host name, e.g. `www.bbc.co.uk` → `bbc.co.uk`; null for bare suffixes and IPs. */
export function registrableDomainOf(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return host;
  return getDomain(host, PSL);
}

/** Reads what the user typed ("github.com", "https://www.github.com/login", "http://intranet.example"). */
export function parseSiteBinding(input: string): SiteBinding {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidInput(`"${text.slice(0, 80)}" is not a site address. Give a domain such as github.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidInput('Only http and https sites can be filled. Give a domain such as github.com.');
  const domain = registrableDomainOf(url.hostname);
  if (!domain) throw invalidInput(`"${url.hostname}" is a public suffix or an address, not a site. Give a domain such as github.com.`);
  return { domain, allowHttp: url.protocol === 'http:' };
}

/** How a binding is stored and shown: the domain, with `http://` in front when plain http is allowed. */
export function formatSiteBinding(binding: SiteBinding): string {
  return binding.allowHttp ? `http://${binding.domain}` : binding.domain;
}

/** A page the extension asks for, checked before any account is looked at. */
export type PageCheck =
  | { readonly ok: true; readonly domain: string; readonly secure: boolean; readonly host: string }
  | { readonly ok: false; readonly message: string };

/**
 * The page must be http(s), and the field must be in the top page's own origin: a bound site
 * framed by another origin (or another site framed by it) gets nothing.
 */
export function checkPage(pageUrl: string, frameUrl: string): PageCheck {
  let page: URL;
  let frame: URL;
  try {
    page = new URL(pageUrl);
    frame = new URL(frameUrl);
  } catch {
    return { ok: false, message: 'OTP Desk fills only on web pages (http or https).' };
  }
  if (page.protocol !== 'https:' && page.protocol !== 'http:') return { ok: false, message: 'OTP Desk fills only on web pages (http or https).' };
  if (frame.origin !== page.origin) {
    return { ok: false, message: `The field is in a frame from ${frame.hostname}, not from ${page.hostname} itself; OTP Desk does not fill inside frames from other sites.` };
  }
  const domain = registrableDomainOf(page.hostname);
  if (!domain) return { ok: false, message: `${page.hostname} is not a site OTP Desk can bind an account to.` };
  return { ok: true, domain, secure: page.protocol === 'https:', host: page.hostname };
}

/** 'match', 'insecure' (right site, but an http page for an https-only binding) or 'other'. */
export function bindingMatches(binding: SiteBinding, page: { domain: string; secure: boolean }): 'match' | 'insecure' | 'other' {
  if (binding.domain !== page.domain) return 'other';
  return page.secure || binding.allowHttp ? 'match' : 'insecure';
}

// Characters that render like Latin letters (Cyrillic, Greek) and digit swaps, for the look-alike warning.
const CONFUSABLE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ӏ: 'l', һ: 'h', ԛ: 'q', ԝ: 'w',
  α: 'a', ο: 'o', ν: 'v', ι: 'i', κ: 'k', τ: 't', ρ: 'p', ε: 'e',
  '0': 'o', '1': 'l', '3': 'e', '5': 's', '|': 'l',
};

/** A rough visual skeleton: Unicode form, accents dropped, confusables folded, rn→m, vv→w, i→l. */
function skeleton(domain: string): string {
  const unicode = domainToUnicode(domain) || domain;
  const folded = [...unicode.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()].map((c) => CONFUSABLE[c] ?? c).join('');
  return folded.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/i/g, 'l').replace(/-/g, '');
}

/** Whether `page` imitates `bound` (examp1e.com, xn--pypal-4ve.com, rnicrosoft.com): only to word the refusal. */
export function looksLike(page: string, bound: string): boolean {
  return page !== bound && skeleton(page) === skeleton(bound);
}
