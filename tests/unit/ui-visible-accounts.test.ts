import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../electron/core/otp/account';
import { groupsOf, movedOrder, visibleAccounts } from '../../renderer/src/lib/visible-accounts';

const account = (issuer: string, extra: Partial<AccountSummary> = {}, i = 0): AccountSummary => ({
  id: issuer,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer,
  account: `${issuer.toLowerCase()}@example.com`,
  group: '',
  icon: '',
  favorite: false,
  order: i,
  useCount: 0,
  createdAt: 0,
  updatedAt: 0,
  ...extra,
});

const list = [
  account('GitHub', { group: 'Work', useCount: 3 }, 0),
  account('amazon', { useCount: 9 }, 1),
  account('Zoom', { favorite: true, group: 'Work' }, 2),
  account('Bank', { group: 'Money', useCount: 1 }, 3),
];
const ids = (xs: readonly AccountSummary[]) => xs.map((a) => a.id);

describe('the accounts the list shows', () => {
  it('pins favourites, then follows the chosen order (name ignores case)', () => {
    expect(ids(visibleAccounts(list, '', '', 'manual'))).toEqual([
      'Zoom',
      'GitHub',
      'amazon',
      'Bank',
    ]);
    expect(ids(visibleAccounts(list, '', '', 'name'))).toEqual([
      'Zoom',
      'amazon',
      'Bank',
      'GitHub',
    ]);
    expect(ids(visibleAccounts(list, '', '', 'used'))).toEqual([
      'Zoom',
      'amazon',
      'GitHub',
      'Bank',
    ]);
  });

  it('search matches every word in issuer, account or group; the group filter narrows further', () => {
    expect(ids(visibleAccounts(list, 'work', '', 'manual'))).toEqual(['Zoom', 'GitHub']);
    expect(ids(visibleAccounts(list, 'GIT example', '', 'manual'))).toEqual(['GitHub']);
    expect(ids(visibleAccounts(list, '', 'Money', 'manual'))).toEqual(['Bank']);
    expect(groupsOf(list)).toEqual(['Money', 'Work']);
  });

  it('moving an account by keyboard swaps it with its neighbour as shown, keeping the rest in place', () => {
    const shown = visibleAccounts(list, '', '', 'manual');
    expect(movedOrder(list, shown, 'amazon', -1)).toEqual(['amazon', 'GitHub', 'Zoom', 'Bank']);
    expect(movedOrder(list, shown, 'Bank', 1)).toBeNull();
  });
});
