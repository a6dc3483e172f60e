import type { Account } from '../core/otp/account';
import { UserError } from '../core/errors';
import type { AuthenticatorService } from '../service';
import { UsageError } from './cli-context';

/** Shortest id prefix accepted by --ids (`otp-desk list` prints the first 8 characters). */
const MIN_ID_PREFIX = 4;

/** The account an id (or an unambiguous prefix of one, as `list` prints it) names. */
function accountById(all: readonly Account[], id: string): Account {
  const exact = all.find((a) => a.id === id);
  if (exact) return exact;
  const prefixed = id.length >= MIN_ID_PREFIX ? all.filter((a) => a.id.startsWith(id)) : [];
  if (prefixed.length === 1) return prefixed[0]!;
  throw new UserError(
    'not-found',
    prefixed.length > 1
      ? `The id "${id}" is the start of ${prefixed.length} accounts' ids; give more of it (see otp-desk list).`
      : `No account has the id "${id}"; nothing was exported. See otp-desk list.`,
  );
}

/**
 * The accounts a command works on: `--query Q` (matched as `code` matches), `--ids ID,ID`
 * (in the order given), or every account. An empty selection is an error, never an empty file.
 */
export function selectCliAccounts(
  service: AuthenticatorService,
  query: unknown,
  ids: unknown,
): Account[] {
  if (query !== undefined && ids !== undefined)
    throw new UsageError('Give either --query or --ids, not both.');
  if (typeof ids === 'string') {
    const wanted = ids
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (wanted.length === 0)
      throw new UsageError('--ids takes account ids separated by commas (see otp-desk list).');
    const all = service.accounts();
    const chosen = [
      ...new Map(wanted.map((id) => accountById(all, id)).map((a) => [a.id, a])).values(),
    ];
    return chosen;
  }
  if (typeof query === 'string') {
    const matches = service.findAccounts(query);
    if (matches.length === 0)
      throw new UserError(
        'not-found',
        `No account matches "${query}"; nothing was exported. See otp-desk list.`,
      );
    return matches;
  }
  const all = [...service.accounts()];
  if (all.length === 0)
    throw new UserError('not-found', 'The vault has no accounts, so there is nothing to export.');
  return all;
}
