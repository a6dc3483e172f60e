import type { AccountDraft } from '../otp/account';
import { formatOtpauthUri } from '../otp/otpauth';
import { invalidInput } from '../errors';

/** An account as the Bitwarden export writes it; the group becomes a folder or a nested collection. */
export type BitwardenAccount = AccountDraft & {
  readonly group?: string;
  readonly favorite?: boolean;
};

/** Bitwarden's item type for a login (https://bitwarden.com/help/condition-bitwarden-import/). */
const LOGIN = 1;

/**
 * The login.totp value Bitwarden computes codes from: `steam://KEY` for Steam (Bitwarden's own
 * spelling), otherwise the otpauth URI with algorithm, digits and period.
 */
export function bitwardenTotp(a: AccountDraft): string {
  return a.type === 'steam' ? `steam://${a.secret}` : formatOtpauthUri(a);
}

function item(
  a: BitwardenAccount,
  place: { folderId: string | null; collectionIds: string[] | null },
) {
  return {
    id: crypto.randomUUID(),
    organizationId: null,
    folderId: place.folderId,
    type: LOGIN,
    reprompt: 0,
    name: a.issuer || a.account || 'Unnamed account',
    notes: null,
    favorite: a.favorite === true,
    login: { uris: [], username: a.account || null, password: null, totp: bitwardenTotp(a) },
    collectionIds: place.collectionIds,
  };
}

/** Ids for names, made on first use, listed in first-use order. */
function namedIds() {
  const ids = new Map<string, string>();
  return {
    idOf(name: string): string {
      let id = ids.get(name);
      if (!id) ids.set(name, (id = crypto.randomUUID()));
      return id;
    },
    list: () => [...ids].map(([name, id]) => ({ id, name })),
  };
}

/**
 * Bitwarden's unencrypted JSON export, as its importer reads it. Without `collection`: an
 * individual vault, one folder per OTP Desk group. With `collection`: an organisation export,
 * every account in that collection, grouped ones in the nested collection `NAME/Group`
 * (Bitwarden nests collections by the `/` in their names).
 */
export function exportBitwardenJson(
  accounts: readonly BitwardenAccount[],
  collection?: string,
): string {
  if (collection === undefined) {
    const folders = namedIds();
    const items = accounts.map((a) =>
      item(a, { folderId: a.group ? folders.idOf(a.group) : null, collectionIds: null }),
    );
    return `${JSON.stringify({ encrypted: false, folders: folders.list(), items }, null, 2)}\n`;
  }
  const root = collection.trim();
  if (!root || root.includes('/')) {
    throw invalidInput(
      'The Bitwarden collection name must not be empty or contain "/". Give the name of the top collection, e.g. --collection "MFA seeds".',
    );
  }
  const collections = namedIds();
  collections.idOf(root);
  const items = accounts.map((a) =>
    item(a, {
      folderId: null,
      collectionIds: [collections.idOf(a.group ? `${root}/${a.group}` : root)],
    }),
  );
  const list = collections.list().map((c) => ({ ...c, organizationId: null, externalId: null }));
  return `${JSON.stringify({ encrypted: false, collections: list, items }, null, 2)}\n`;
}
