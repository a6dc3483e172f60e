import { manyAccounts, type SeedAccount } from './seed';

const SECRETS = manyAccounts(40).map((a) => a.secret);
const key = (i: number) => SECRETS[i]!;

/** A vault like a developer's: work, personal and money accounts, two favourites, one Steam and one counter account. */
export const REALISTIC: SeedAccount[] = (
  [
    ['GitHub', 'octocat', 'Work', true],
    ['Google', 'alice.martin@gmail.com', 'Personal', true],
    ['Amazon Web Services', 'root@acme-prod', 'Work'],
    ['Microsoft', 'alice@acme.onmicrosoft.com', 'Work'],
    ['Slack', 'acme.slack.com', 'Work'],
    ['Dropbox', 'alice@example.com', 'Personal'],
    ['Cloudflare', 'ops@acme.io', 'Work'],
    ['DigitalOcean', 'alice@acme.io', 'Work'],
    ['Discord', 'alice#4242', 'Personal'],
    ['npm', 'alicem', 'Work'],
    ['Docker', 'alicem', 'Work'],
    ['GitLab', 'alice.martin', 'Work'],
    ['Atlassian', 'alice@acme.io', 'Work'],
    ['Bitwarden', 'alice@example.com', 'Personal'],
    ['Proton', 'alice@proton.me', 'Personal'],
    ['PayPal', 'alice@example.com', 'Money'],
    ['Coinbase', 'alice@example.com', 'Money'],
    ['Kraken', 'alicem', 'Money'],
    ['Reddit', 'u/alice_m', 'Personal'],
    ['Twitch', 'alice_plays', 'Personal'],
    ['Epic Games', 'alice_plays', 'Personal'],
    ['Notion', 'alice@acme.io', 'Work'],
    ['Figma', 'alice@acme.io', 'Work'],
    ['Hetzner', 'AM1234-HETZNER', 'Work'],
  ] as const
).map(([issuer, account, group, favorite], i) => ({
  issuer,
  account,
  group,
  favorite: favorite ?? false,
  secret: key(i),
}));
REALISTIC.splice(9, 0, {
  issuer: 'Steam',
  account: 'alice_plays',
  group: 'Personal',
  secret: key(30),
  type: 'steam',
  digits: 5,
});
REALISTIC.splice(14, 0, {
  issuer: 'YubiCo Lab',
  account: 'hotp-token',
  group: 'Work',
  secret: key(31),
  type: 'hotp',
  counter: 7,
});
