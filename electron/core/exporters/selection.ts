import { invalidInput } from '../errors';

/**
 * The accounts to export: all of them (ids undefined), or exactly the given ids in the
 * vault's order. An id that no longer exists is an error, so nothing is silently left out.
 */
export function selectAccounts<A extends { readonly id: string }>(all: readonly A[], ids?: readonly string[]): A[] {
  if (ids === undefined) return [...all];
  const wanted = new Set(ids);
  const chosen = all.filter((a) => wanted.has(a.id));
  if (chosen.length !== wanted.size) throw invalidInput('Some chosen accounts no longer exist. Refresh the list and choose again.');
  if (chosen.length === 0) throw invalidInput('No accounts are chosen. Choose at least one account to export.');
  return chosen;
}
