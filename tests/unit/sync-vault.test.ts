import { describe, expect, it } from 'vitest';
import type { Account } from '../../electron/core/otp/account';
import { recordLocalChanges } from '../../electron/core/sync/local-changes';
import { EMPTY_SYNC_STATE } from '../../electron/core/sync/sync-state';
import { ZERO_CLOCK } from '../../electron/core/sync/stamp';
import { applyRemoteStates, stampLocalChanges, startSync } from '../../electron/sync/vault-sync';
import { EMPTY_VAULT_DATA, type VaultData } from '../../electron/vault/vault-data';

const T0 = 1_800_000_000_000;
const account = (id: string, issuer: string): Account => ({
  id, issuer, account: 'me@example.com', type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
  group: '', icon: '', favorite: false, order: 0, useCount: 3, createdAt: T0, updatedAt: T0,
});

/** A vault that syncs and holds `accounts`, as device `here`. */
function syncingVault(accounts: Account[]): VaultData {
  const data = { ...EMPTY_VAULT_DATA, accounts };
  return { ...data, sync: startSync(data, T0) };
}

describe('a merge applied to the vault', () => {
  it('puts an account another device deleted (having seen it) into the Trash', () => {
    const here = syncingVault([account('a1', 'GitHub')]);
    // The other device read our file, then deleted the account.
    const other = recordLocalChanges(here.sync!.state, here.sync!.clock, 'other', [], T0 + 1000).state;
    const { data, removed } = applyRemoteStates(here, [other], T0 + 2000);
    expect(removed).toBe(1);
    expect(data.accounts).toEqual([]);
    expect(data.trash).toMatchObject([{ account: { id: 'a1', issuer: 'GitHub' }, reason: 'sync' }]);
  });

  it('keeps an account renamed here after another device deleted it, unseen', () => {
    const start = syncingVault([account('a1', 'GitHub')]);
    const other = recordLocalChanges(start.sync!.state, start.sync!.clock, 'other', [], T0 + 1000).state;
    const renamed = stampLocalChanges({ ...start, accounts: [account('a1', 'GitHub (work)')] }, T0 + 500);
    const { data } = applyRemoteStates(renamed, [other], T0 + 2000);
    expect(data.accounts.map((a) => a.issuer)).toEqual(['GitHub (work)']);
    expect(data.trash).toEqual([]);
  });

  it('keeps the local version a newer remote edit replaced in the Trash as history, and the local use count', () => {
    const here = syncingVault([account('a1', 'GitHub')]);
    const other = recordLocalChanges(here.sync!.state, here.sync!.clock, 'other', [{ ...account('a1', 'GitHub Enterprise') }], T0 + 1000).state;
    const { data, changed } = applyRemoteStates(here, [other], T0 + 2000);
    expect(changed).toBe(1);
    expect(data.accounts).toMatchObject([{ id: 'a1', issuer: 'GitHub Enterprise', useCount: 3 }]);
    expect(data.trash).toMatchObject([{ account: { id: 'a1', issuer: 'GitHub' }, reason: 'overwritten' }]);
    expect(data.trash[0]!.entryId).toMatch(/^a1@/);
  });

  it('does not stamp anything before sync is set up', () => {
    const data = { ...EMPTY_VAULT_DATA, accounts: [account('a1', 'GitHub')] };
    expect(stampLocalChanges(data, T0)).toBe(data);
    expect(recordLocalChanges(EMPTY_SYNC_STATE, ZERO_CLOCK, 'd', [], T0).state).toBe(EMPTY_SYNC_STATE);
  });
});
