import { createRequire } from 'node:module';
import { UserError } from '../core/errors';
import { KEYCHAIN_SERVICE, UNLOCK_WITH_PASSWORD, type KeyStore } from './keychain';
import { probeSecretServiceItem } from './secret-service-probe.node';

type Keytar = typeof import('keytar');

// A plain require: keytar is CommonJS, and a dynamic import() would start Node's ESM loader just
// for it (measured: several ms of every CLI start). __filename in the bundles, import.meta.url under vitest.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

const KEYCHAIN_HELP =
  `Start your OS keychain (GNOME Keyring or KWallet on Linux, Keychain on macOS, Credential Manager on Windows) and try again, or ${UNLOCK_WITH_PASSWORD}.`;

/** The OS keychain through keytar (Secret Service on Linux). The only file that touches keytar. */
export class KeytarKeyStore implements KeyStore {
  readonly description = 'OS keychain';
  private keytar: Keytar | undefined;

  private async load(): Promise<Keytar> {
    if (!this.keytar) {
      try {
        const mod = requireHere('keytar') as Keytar & { default?: Keytar };
        this.keytar = mod.default ?? mod;
      } catch {
        throw new UserError('keychain-unavailable', `The keychain module could not be loaded. Reinstall OTP Desk, or ${UNLOCK_WITH_PASSWORD}.`);
      }
    }
    return this.keytar;
  }

  private async call<T>(action: (keytar: Keytar) => Promise<T>): Promise<T> {
    const keytar = await this.load();
    try {
      return await action(keytar);
    } catch (error) {
      // keytar's messages name D-Bus/keychain problems only, never the stored value.
      const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : 'unknown error';
      throw new UserError('keychain-unavailable', `No OS keychain answered (${reason}). ${KEYCHAIN_HELP} Your vault was not changed.`);
    }
  }

  async get(vaultId: string) {
    const key = await this.call((k) => k.getPassword(KEYCHAIN_SERVICE, vaultId));
    // keytar says "none" for a locked keyring too; tell the two apart so the user knows what to do.
    if (key === null && (await probeSecretServiceItem(vaultId)) === 'locked') {
      throw new UserError(
        'keychain-unavailable',
        `The OS keychain is locked. Unlock it (log in again, or unlock the "login" keyring in Passwords and Keys), then try again, or ${UNLOCK_WITH_PASSWORD}. Your vault was not changed.`,
      );
    }
    return key;
  }
  set(vaultId: string, key: string) {
    return this.call((k) => k.setPassword(KEYCHAIN_SERVICE, vaultId, key));
  }
  delete(vaultId: string) {
    return this.call((k) => k.deletePassword(KEYCHAIN_SERVICE, vaultId));
  }
}
