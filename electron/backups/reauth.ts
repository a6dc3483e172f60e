import { UserError } from '../core/errors';
import type { AuthenticatorService } from '../service';
import { MemoryKeyStore } from '../vault/keychain';
import { Vault } from '../vault/vault.node';

/**
 * Re-authentication before a secret leaves main (export, reveal, backup password): when the
 * vault has a password, it must be given and must open the vault's password slot. Without a
 * vault password there is nothing to ask (the OS session is the lock).
 */
export async function requireVaultPassword(service: AuthenticatorService, password: string | undefined, action: string): Promise<void> {
  if (!service.hasPassword) return;
  if (!password) throw new UserError('password-required', `Enter your vault password to ${action}.`);
  // Opening with the password checks it against the slot on disk; the key store is never touched.
  const check = async () => void (await Vault.open(service.vaultDir, new MemoryKeyStore(), { password })).lock();
  await (service.passwordGate ? service.passwordGate.attempt(check) : check());
}
