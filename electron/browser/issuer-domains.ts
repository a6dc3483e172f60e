import { parseSiteBinding } from './site-match';

/**
 * Where well-known issuers log in, to suggest a binding. A suggestion fills nothing by itself:
 * the user confirms it in OTP Desk on the first fill there. Registrable domains only.
 */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  amazon: ['amazon.com'],
  'amazon web services': ['amazon.com', 'aws.amazon.com'],
  aws: ['amazon.com'],
  apple: ['apple.com'],
  atlassian: ['atlassian.com', 'atlassian.net'],
  bitbucket: ['bitbucket.org'],
  bitwarden: ['bitwarden.com'],
  cloudflare: ['cloudflare.com'],
  coinbase: ['coinbase.com'],
  digitalocean: ['digitalocean.com'],
  discord: ['discord.com'],
  dropbox: ['dropbox.com'],
  facebook: ['facebook.com'],
  github: ['github.com'],
  gitlab: ['gitlab.com'],
  google: ['google.com'],
  heroku: ['heroku.com'],
  instagram: ['instagram.com'],
  linkedin: ['linkedin.com'],
  microsoft: ['microsoft.com', 'live.com', 'microsoftonline.com'],
  npm: ['npmjs.com'],
  okta: ['okta.com'],
  paypal: ['paypal.com'],
  proton: ['proton.me'],
  reddit: ['reddit.com'],
  slack: ['slack.com'],
  stripe: ['stripe.com'],
  twitter: ['twitter.com', 'x.com'],
  x: ['x.com', 'twitter.com'],
};

/** Registrable domains suggested for an issuer: the known list, or the issuer itself when it is a domain. */
export function suggestedDomains(issuer: string): string[] {
  const key = issuer.trim().toLowerCase();
  const known = KNOWN[key];
  if (known) return [...new Set(known.map((d) => parseSiteBinding(d).domain))];
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(key)) {
    try {
      return [parseSiteBinding(key).domain];
    } catch {
      return [];
    }
  }
  return [];
}
