import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../electron/adapters/api-handlers';
import { NODE_IMPORTERS } from '../../electron/adapters/node-importers.node';
import { ServiceHost } from '../../electron/adapters/service-host';
import type { ImportText, LinkDelivery } from '../../electron/api';
import { formatMigrationUris } from '../../electron/core/migration/migration';
import type { AccountDraft } from '../../electron/core/otp/account';
import {
  LinkInbox,
  LINK_SOURCE,
  secondInstanceAction,
} from '../../electron/main/desktop/link-inbox';
import { classifyLink, linksFromArgv } from '../../electron/main/desktop/otp-links';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { Vault } from '../../electron/vault/vault.node';

const SECRET = 'JBSWY3DPEHPK3PXP';
const TOTP = `otpauth://totp/ACME:alice@example.com?secret=${SECRET}&issuer=ACME`;
const DRAFTS: AccountDraft[] = [
  {
    type: 'totp',
    secret: SECRET,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'GitHub',
    account: 'bob',
  },
  {
    type: 'hotp',
    secret: 'GEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 3,
    issuer: 'Corp VPN',
    account: 'carol',
  },
];
const MIGRATION = formatMigrationUris(DRAFTS).uris[0]!;

describe('what an opened link becomes', () => {
  it('sends an otpauth:// link to the import review', () => {
    expect(classifyLink(TOTP)).toEqual({ kind: 'review', scheme: 'otpauth', text: TOTP });
  });

  it('sends an otpauth-migration:// link (Google Authenticator export) to the import review', () => {
    expect(classifyLink(`  ${MIGRATION}\n`)).toEqual({
      kind: 'review',
      scheme: 'otpauth-migration',
      text: MIGRATION,
    });
  });

  it.each([
    ['no secret', 'otpauth://totp/ACME:alice?issuer=ACME', /no secret/],
    ['an unknown OTP type', `otpauth://motp/ACME:alice?secret=${SECRET}`, /not supported/],
    [
      'a damaged transfer payload',
      'otpauth-migration://offline?data=%%%',
      /otpauth-migration:\/\/ link/,
    ],
    ['a transfer link without data', 'otpauth-migration://offline', /not imported/],
    ['another scheme', 'https://example.com/?secret=ABC', /only otpauth/],
    ['a link far too long', `otpauth://totp/x?secret=${'A'.repeat(20_000)}`, /too long/],
  ])(
    'turns a link with %s into a message that says what to do, without the link',
    (_what, link, message) => {
      const intent = classifyLink(link);
      expect(intent.kind).toBe('invalid');
      if (intent.kind !== 'invalid') return;
      expect(intent.message).toMatch(message);
      expect(intent.message).not.toContain(SECRET);
      expect(intent.message).not.toContain('secret=');
    },
  );

  it('finds links in a command line, skipping the executable and flags', () => {
    const argv = [
      '/opt/OTP Desk/otp-desk',
      '--no-sandbox',
      '--allow-file-access',
      TOTP,
      'OTPAUTH-MIGRATION://offline?data=x',
      'notes.txt',
    ];
    expect(linksFromArgv(argv)).toEqual([TOTP, 'OTPAUTH-MIGRATION://offline?data=x']);
  });

  it('has a second instance hand its links to the first and focus it', () => {
    expect(secondInstanceAction(['otp-desk', TOTP])).toEqual({ focus: true, links: [TOTP] });
    expect(secondInstanceAction(['otp-desk'])).toEqual({ focus: true, links: [] });
  });
});

describe('the link inbox', () => {
  it('hands a valid link to the review once, and the same link opened twice only once', () => {
    const inbox = new LinkInbox();
    expect(inbox.receive(TOTP, true)).toEqual({ show: 'review' });
    inbox.receive(TOTP, true);
    expect(inbox.take(true)).toEqual({
      texts: [{ source: LINK_SOURCE, text: TOTP }],
      problems: [],
      waitingForUnlock: 0,
    });
    expect(inbox.take(true)).toEqual({ texts: [], problems: [], waitingForUnlock: 0 });
  });

  it('keeps a link that arrives while locked until the vault is unlocked, asking to unlock first', () => {
    const inbox = new LinkInbox();
    expect(inbox.receive(TOTP, false)).toEqual({
      show: 'unlock-first',
      message: expect.stringMatching(/Unlock OTP Desk/),
    });
    expect(inbox.take(false)).toEqual({ texts: [], problems: [], waitingForUnlock: 1 });
    expect(inbox.take(false).waitingForUnlock).toBe(1);
    expect(inbox.take(true).texts).toEqual([{ source: LINK_SOURCE, text: TOTP }]);
  });

  it('reports a malformed link as a message and keeps nothing to import', () => {
    const inbox = new LinkInbox();
    expect(inbox.receive('otpauth://totp/ACME?issuer=ACME', true)).toMatchObject({
      show: 'message',
    });
    const delivery = inbox.take(true);
    expect(delivery.texts).toEqual([]);
    expect(delivery.problems).toEqual([expect.stringMatching(/no secret/)]);
    expect(inbox.size).toBe(0);
  });
});

// The same decisions through the real service: a link never adds an account by itself.
const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

async function appWithInbox(password?: string) {
  const dir = join(mkdtempSync(join(tmpdir(), 'otp-desk-links-')), 'vault');
  const keys = new MemoryKeyStore();
  const vault = await Vault.open(dir, keys, { create: true });
  if (password) {
    await vault.setPassword(password);
    keys.items.clear(); // The keychain can't open it: the app starts locked.
  }
  const host = new ServiceHost(dir, keys, NODE_IMPORTERS);
  hosts.push(host);
  await host.start();
  const inbox = new LinkInbox();
  const handlers = createApiHandlers(host, {
    desktop: {
      hidePanel: () => false,
      takeLinks: (unlocked) => inbox.take(unlocked),
      shortcut: () => ({ accelerator: '', label: '', registered: false, message: null }),
    },
  });
  const take = async () => (await handlers.desktop.takeLinks()) as LinkDelivery;
  const accounts = async () => (await handlers.accounts.list()) as unknown[];
  const review = async (texts: readonly ImportText[]) => handlers.imports.previewTexts(texts);
  return { host, inbox, handlers, take, accounts, review };
}

describe('a link opened in the running app', () => {
  it('shows the import review with the accounts it holds, and adds nothing until the review is confirmed', async () => {
    const app = await appWithInbox();
    app.inbox.receive(MIGRATION, app.host.status().state === 'unlocked');
    const { texts } = await app.take();
    const preview = await app.review(texts);
    expect(preview.candidates.map((c) => `${c.issuer}/${c.account}`)).toEqual([
      'GitHub/bob',
      'Corp VPN/carol',
    ]);
    expect(await app.accounts()).toEqual([]);
    await app.handlers.imports.commit(
      preview.id,
      preview.candidates.map((c) => ({ key: c.key, action: 'add' })),
    );
    expect(await app.accounts()).toHaveLength(2);
  });

  it('turns a malformed link into a message and adds nothing', async () => {
    const app = await appWithInbox();
    app.inbox.receive('otpauth://totp/ACME:alice?secret=not*base32', true);
    const delivery = await app.take();
    expect(delivery.texts).toEqual([]);
    expect(delivery.problems).toHaveLength(1);
    expect(delivery.problems[0]).toMatch(/not imported/);
    expect(await app.accounts()).toEqual([]);
  });

  it('asks to unlock first when the vault is locked, then shows the review', async () => {
    const app = await appWithInbox('correct horse battery');
    expect(app.host.status().state).toBe('locked');
    expect(app.inbox.receive(TOTP, false).show).toBe('unlock-first');
    expect(await app.take()).toEqual({ texts: [], problems: [], waitingForUnlock: 1 });
    await app.handlers.vault.unlock('correct horse battery');
    const { texts, waitingForUnlock } = await app.take();
    expect(waitingForUnlock).toBe(0);
    const preview = await app.review(texts);
    expect(preview.candidates).toMatchObject([
      { issuer: 'ACME', account: 'alice@example.com', duplicateOf: null },
    ]);
    expect(await app.accounts()).toEqual([]);
  });
});
