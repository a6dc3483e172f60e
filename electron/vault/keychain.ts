/**
 * Where each vault's keychain key lives. One item per vault: service "OTP Desk",
 * account = vault id. Implementations throw UserError('keychain-unavailable') when the OS
 * keychain can't be reached, and return null when the item is simply missing.
 */
export interface KeyStore {
  readonly description: string;
  get(vaultId: string): Promise<string | null>;
  set(vaultId: string, key: string): Promise<void>;
  delete(vaultId: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'OTP Desk';

/** The way past a missing or unreachable keychain, in the app and on the command line alike. */
export const UNLOCK_WITH_PASSWORD = 'unlock with your vault password (in the app: the lock screen; on the command line: --vault-password-file FILE)';

/** An in-memory KeyStore for unit tests and the throwaway vaults of benchmarks. */
export class MemoryKeyStore implements KeyStore {
  readonly description = 'in-memory key store';
  readonly items = new Map<string, string>();
  async get(vaultId: string) {
    return this.items.get(vaultId) ?? null;
  }
  async set(vaultId: string, key: string) {
    this.items.set(vaultId, key);
  }
  async delete(vaultId: string) {
    return this.items.delete(vaultId);
  }
}
