import { expect, screenshotPath, test } from './fixtures';
import { manyAccounts, type SeedAccount } from './seed';

const SECRETS = manyAccounts(40).map((a) => a.secret);
const key = (i: number) => SECRETS[i]!;

/** A vault like a developer's: work, personal and money accounts, two favourites, one Steam and one counter account. */
const REALISTIC: SeedAccount[] = (
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

test.use({ seed: { accounts: REALISTIC }, viewport: { width: 520, height: 860 } });

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of a realistic vault (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // 2023-11-14T22:13:38Z: a calm moment, 22 s left in the period.
    await page.clock.install({ time: 1_700_000_008_000 });
    await app.open(page);
    await page.clock.pauseAt(1_700_000_018_500);
    await expect(page.getByRole('list', { name: /Accounts, 26/ })).toBeVisible();
    await expect(page.getByRole('timer').first()).toHaveAccessibleName('22 seconds left');
    // A user who keeps the window open has answered the backup prompt; the codes are the subject here.
    const notNow = page.getByRole('button', { name: 'Not now' });
    if (await notNow.isVisible()) await notNow.click();
    await page.getByRole('listitem').nth(2).hover();
    await page.screenshot({ path: screenshotPath(`codes-${scheme}.png`) });
  });
}
