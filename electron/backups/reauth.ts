import { UserError } from '../core/errors';
import type { AuthenticatorService } from '../service';

/**
 * Re-authentication before a secret leaves main (export, reveal, backup password): when the
 * vault has a password, it must be given and must open the vault's password slot. Without a
 * vault password there is nothing to ask (the OS session is the lock).
 */
export async function requireVaultPassword(
  service: AuthenticatorService,
  password: string | undefined,
  action: string,
): Promise<void> {
  if (!service.hasPassword) return;
  if (!password)
    throw new UserError('password-required', `Enter your vault password to ${action}.`);
  // Checks the password against the slot on disk (newest file); the key store is never touched.
  const check = () => service.vaultHandle.verifyPassword(password);
  await (service.passwordGate ? service.passwordGate.attempt(check) : check());
}
