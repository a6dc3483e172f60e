import type { AccountDraft } from '../../electron/core/otp/account';
import { AuthenticatorService } from '../../electron/service';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';

/** An account to put in a test vault before the app opens it. */
export interface SeedAccount extends Partial<AccountDraft> {
  readonly issuer: string;
  readonly account: string;
  readonly secret: string;
  readonly group?: string;
  readonly favorite?: boolean;
  readonly icon?: string;
}

/** Creates the vault in `dir` (through the test keyring, as the bridge opens it) holding `accounts`, added in one write. */
export async function seedVault(dir: string, accounts: readonly SeedAccount[]): Promise<void> {
  const service = await AuthenticatorService.open(dir, new KeytarKeyStore(), { create: true });
  const added = await service.addAccounts(
    accounts.map(
      (a) =>
        ({
          type: 'totp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          ...a,
        }) as AccountDraft,
    ),
  );
  for (const [i, a] of accounts.entries()) {
    if (a.group || a.favorite || a.icon)
      await service.updateAccount(added[i]!.id, {
        group: a.group,
        favorite: a.favorite,
        icon: a.icon,
      });
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `count` accounts with distinct, deterministic secrets and names like "Service 0042". */
export function manyAccounts(count: number): SeedAccount[] {
  return Array.from({ length: count }, (_, i) => {
    let secret = '';
    let x = (i + 1) * 2654435761;
    for (let k = 0; k < 16; k++) {
      secret += BASE32[x % 32];
      x = Math.floor(x / 32) + (k + 1) * 7919 + i;
    }
    return {
      issuer: `Service ${String(i).padStart(4, '0')}`,
      account: `user${i}@example.com`,
      secret,
    };
  });
}
