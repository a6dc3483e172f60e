import type { AccountSummary } from '../../../electron/core/otp/account';
import type { Settings } from '../../../electron/core/settings';

/** The name shown for an account: its issuer, else its account name. */
export const titleOf = (a: AccountSummary): string => a.issuer || a.account || 'Unnamed';

/**
 * Issuer and account together, e.g. "Amazon Web Services (root@acme)": what toasts, dialogs and
 * tooltips say, so three AWS accounts are never confused.
 */
export const fullNameOf = (a: Pick<AccountSummary, 'issuer' | 'account'>): string =>
  a.issuer && a.account ? `${a.issuer} (${a.account})` : a.issuer || a.account || 'Unnamed';

const byName = (a: AccountSummary, b: AccountSummary) =>
  titleOf(a).localeCompare(titleOf(b), undefined, { sensitivity: 'base' }) ||
  a.account.localeCompare(b.account);

/**
 * The accounts to list: matching the search (issuer, account or group, every word anywhere)
 * and the chosen group, favourites pinned first, then in the chosen order.
 */
export function visibleAccounts(
  accounts: readonly AccountSummary[],
  query: string,
  group: string,
  sort: Settings['sort'],
): readonly AccountSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = accounts.filter((a) => {
    if (group && a.group !== group) return false;
    const haystack = `${a.issuer}\n${a.account}\n${a.group}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const order =
    sort === 'name'
      ? byName
      : sort === 'used'
        ? (a: AccountSummary, b: AccountSummary) => b.useCount - a.useCount || byName(a, b)
        : (a: AccountSummary, b: AccountSummary) => a.order - b.order;
  return matching.sort((a, b) => Number(b.favorite) - Number(a.favorite) || order(a, b));
}

/** Distinct non-empty groups, sorted, for the group filter. */
export function groupsOf(accounts: readonly AccountSummary[]): string[] {
  return [...new Set(accounts.map((a) => a.group).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b),
  );
}

/** The manual order after moving `id` by `delta` places among `shown` (the rest keep their places). */
export function movedOrder(
  all: readonly AccountSummary[],
  shown: readonly AccountSummary[],
  id: string,
  delta: number,
): string[] | null {
  const from = shown.findIndex((a) => a.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= shown.length) return null;
  const target = shown[to]!.id;
  const ids = [...all]
    .sort((a, b) => a.order - b.order)
    .map((a) => a.id)
    .filter((x) => x !== id);
  const at = ids.indexOf(target);
  ids.splice(delta > 0 ? at + 1 : at, 0, id);
  return ids;
}
