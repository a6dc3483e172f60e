import { createRequire } from 'node:module';
import { UserError } from '../core/errors';
import { KEYCHAIN_SERVICE, UNLOCK_WITH_PASSWORD, type KeyStore } from './keychain';
import { probeSecretServiceItem } from './secret-service-probe.node';

type Keytar = typeof import('keytar');

// A plain require: keytar is CommonJS, and a dynamic import() would start Node's ESM loader just
// for it (measured: several ms of every CLI start). __filename in the bundles, import.meta.url under vitest.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

/**
 * A keychain read started before the CLI bundle loaded (electron/cli/keychain-prefetch.node.ts):
 * the Secret Service's D-Bus round trips took 10-17 ms of every `otp-desk code`, all of it spent
 * waiting after the bundle had loaded; started first, they run while it loads. Kept on a global
 * because the CLI's loader and its bundle are two separate bundles of this file.
 */
const PREFETCH = Symbol.for('otp-desk.keychain-prefetch');
interface Prefetch {
  readonly vaultId: string;
  readonly key: Promise<string | null>;
}
const prefetchSlot = globalThis as { [PREFETCH]?: Prefetch };

function loadKeytar(): Keytar {
  const mod = requireHere('keytar') as Keytar & { default?: Keytar };
  return mod.default ?? mod;
}

/**
 * Starts reading `vaultId`'s key, for the next `get(vaultId)` of this process to use. Never
 * throws: should keytar be missing or the read fail, that `get` asks again and reports it.
 */
export function prefetchKeychainKey(vaultId: string): void {
  try {
    const key = loadKeytar().getPassword(KEYCHAIN_SERVICE, vaultId);
    key.catch(() => undefined);
    prefetchSlot[PREFETCH] = { vaultId, key };
  } catch {
    // get() loads keytar itself and says what went wrong.
  }
}

/** The prefetched read for `vaultId`, once; a failed one counts as none. */
async function takePrefetched(vaultId: string): Promise<string | null | undefined> {
  const prefetch = prefetchSlot[PREFETCH];
  if (prefetch?.vaultId !== vaultId) return undefined;
  delete prefetchSlot[PREFETCH];
  return prefetch.key.catch(() => undefined);
}

const KEYCHAIN_HELP =
  `Start your OS keychain (GNOME Keyring or KWallet on Linux, Keychain on macOS, Credential Manager on Windows) and try again, or ${UNLOCK_WITH_PASSWORD}.`;

/** The OS keychain through keytar (Secret Service on Linux). The only file that touches keytar. */
export class KeytarKeyStore implements KeyStore {
  readonly description = 'OS keychain';
  private keytar: Keytar | undefined;

  private async load(): Promise<Keytar> {
    if (!this.keytar) {
      try {
        this.keytar = loadKeytar();
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
    const prefetched = await takePrefetched(vaultId);
    const key = prefetched !== undefined ? prefetched : await this.call((k) => k.getPassword(KEYCHAIN_SERVICE, vaultId));
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
