import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../electron/adapters/service-host';
import { BrowserChannel } from '../../electron/browser/browser-channel';
import { derivePairing, newPairingKeyPair, requestContext, responseContext, seal, unseal } from '../../electron/browser/channel-crypto';
import type { RequestBody, ResponseEnvelope, WireResponse } from '../../electron/browser/protocol';
import { MemoryKeyStore } from '../../electron/vault/keychain';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An app with one GitHub account bound to github.com, and an extension paired and confirmed. */
async function pairedSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'browser-channel-'));
  dirs.push(dir);
  const host = new ServiceHost(dir, new MemoryKeyStore(), []);
  await host.start();
  const [account] = await host.get().addAccounts([{ type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'GitHub', account: 'alice' }]);
  await host.get().setAccountSites(account!.id, ['github.com']);
  const events = { unlockShown: 0, confirmAnswer: false };
  const channel = new BrowserChannel(host, { confirm: async () => events.confirmAnswer, showUnlock: () => void events.unlockShown++, pairingRequested: () => undefined });
  const keys = await newPairingKeyPair();
  const answer = await channel.handle({ id: 1, kind: 'pair', extensionKey: keys.publicKey, name: 'Test browser' });
  if (answer.kind !== 'pairing') throw new Error('no pairing');
  const secrets = await derivePairing(keys, answer.appKey, keys.publicKey, answer.appKey);
  const pairing = { pairingId: answer.pairingId, channelKey: secrets.channelKey };
  const request = async (body: RequestBody, ts = Date.now()) => {
    const sealed = await seal(pairing.channelKey, requestContext(pairing.pairingId), { ts, body });
    return { sealed, message: { id: 2, kind: 'sealed', pairingId: pairing.pairingId, ...sealed } };
  };
  const open = async (answer: WireResponse, iv: string) => {
    if (answer.kind !== 'sealed') return answer;
    return ((await unseal(pairing.channelKey, responseContext(pairing.pairingId, iv), answer)) as ResponseEnvelope).body;
  };
  return { host, channel, events, secrets, pairing, account: account!, request, open };
}

const fill = (page: string, frame = page): RequestBody => ({ type: 'fill', pageUrl: page, frameUrl: frame });

describe('the browser channel', () => {
  it('pairs with the same code on both sides, and fills nothing before the user confirms', async () => {
    const s = await pairedSetup();
    expect(s.channel.pendingPairings().map((p) => p.code)).toEqual([s.secrets.code]);
    const { sealed, message } = await s.request(fill('https://github.com/login'));
    expect(await s.open(await s.channel.handle(message), sealed.iv)).toEqual({ type: 'refused', message: expect.stringContaining('Confirm the pairing code') });
  });

  it('answers a confirmed pairing with the bound account\'s current code, and only that', async () => {
    const s = await pairedSetup();
    await s.channel.confirmPairing(s.pairing.pairingId, true);
    const { sealed, message } = await s.request(fill('https://github.com/sessions/two-factor'));
    const body = await s.open(await s.channel.handle(message), sealed.iv);
    const expected = s.host.get().codeWindow(s.host.get().getAccount(s.account.id), Math.floor(Date.now() / 1000)).code;
    expect(body).toMatchObject({ type: 'code', label: 'GitHub (alice)' });
    expect([expected, s.host.get().codeWindow(s.account, Math.floor(Date.now() / 1000)).code]).toContain((body as { code: string }).code);
    expect(JSON.stringify(body)).not.toContain('JBSWY3DPEHPK3PXP');
    const other = await s.request(fill('https://gitlab.com/'));
    expect(await s.open(await s.channel.handle(other.message), other.sealed.iv)).toMatchObject({ type: 'refused' });
  });

  it('refuses a replayed, a tampered, a stale and an unknown-pairing request', async () => {
    const s = await pairedSetup();
    await s.channel.confirmPairing(s.pairing.pairingId, true);
    const { sealed, message } = await s.request(fill('https://github.com/'));
    expect((await s.channel.handle(message)).kind).toBe('sealed');
    expect(await s.channel.handle(message)).toMatchObject({ kind: 'refused' });
    const tampered = await s.request(fill('https://github.com/'));
    const data = Buffer.from(tampered.sealed.data, 'base64');
    data[3]! ^= 0x40;
    expect(await s.channel.handle({ ...tampered.message, data: data.toString('base64') })).toMatchObject({ kind: 'refused' });
    const stale = await s.request(fill('https://github.com/'), Date.now() - 6_000);
    expect(await s.channel.handle(stale.message)).toMatchObject({ kind: 'refused' });
    expect(await s.channel.handle({ ...message, id: 9, pairingId: 'someone-else' })).toEqual({ id: 9, kind: 'refused', message: expect.stringContaining('not paired') });
    void sealed;
  });

  it('an unpaired browser gets nothing after unpair', async () => {
    const s = await pairedSetup();
    await s.channel.confirmPairing(s.pairing.pairingId, true);
    expect(await s.channel.unpair(s.pairing.pairingId)).toBe(true);
    const { message } = await s.request(fill('https://github.com/'));
    expect(await s.channel.handle(message)).toMatchObject({ kind: 'refused' });
  });

  it('a locked vault: only "OTP Desk is locked", and the unlock window is asked for', async () => {
    const s = await pairedSetup();
    await s.channel.confirmPairing(s.pairing.pairingId, true);
    await s.host.setPassword('correct horse battery staple');
    s.host.lock();
    const { message } = await s.request(fill('https://github.com/'));
    expect(await s.channel.handle(message)).toEqual({ id: 2, kind: 'locked', message: expect.stringContaining('OTP Desk is locked') });
    expect(s.events.unlockShown).toBe(1);
  });

  it('a suggested site fills only after the user confirms it, and is then bound', async () => {
    const s = await pairedSetup();
    await s.channel.confirmPairing(s.pairing.pairingId, true);
    await s.host.get().setAccountSites(s.account.id, []);
    const first = await s.request(fill('https://github.com/'));
    expect(await s.open(await s.channel.handle(first.message), first.sealed.iv)).toMatchObject({ type: 'refused', message: expect.stringContaining('did not confirm') });
    s.events.confirmAnswer = true;
    const second = await s.request(fill('https://github.com/'));
    expect(await s.open(await s.channel.handle(second.message), second.sealed.iv)).toMatchObject({ type: 'code' });
    expect(s.host.get().getAccount(s.account.id).sites).toEqual(['github.com']);
  });

  it('several accounts on one site: the user picks, then only the picked one fills', async () => {
    const s = await pairedSetup();
    await s.channel.confirmPairing(s.pairing.pairingId, true);
    const [work] = await s.host.get().addAccounts([{ type: 'totp', secret: 'GEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'GitHub', account: 'alice-work' }]);
    await s.host.get().setAccountSites(work!.id, ['github.com']);
    const ask = await s.request(fill('https://github.com/'));
    expect(await s.open(await s.channel.handle(ask.message), ask.sealed.iv)).toEqual({
      type: 'choose',
      accounts: [
        { id: s.account.id, label: 'GitHub (alice)' },
        { id: work!.id, label: 'GitHub (alice-work)' },
      ],
    });
    const picked = await s.request({ ...fill('https://github.com/'), accountId: work!.id } as RequestBody);
    const body = await s.open(await s.channel.handle(picked.message), picked.sealed.iv);
    expect(body).toMatchObject({ type: 'code', label: 'GitHub (alice-work)' });
    const outsider = await s.request({ ...fill('https://gitlab.com/'), accountId: work!.id } as RequestBody);
    expect(await s.open(await s.channel.handle(outsider.message), outsider.sealed.iv)).toMatchObject({ type: 'refused' });
  });
});
