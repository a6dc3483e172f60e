import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../electron/adapters/api-handlers';
import { ServiceHost } from '../../electron/adapters/service-host';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { hasKeychain, KEYCHAIN_SKIP_REASON } from '../support/cli';
import { names, ok, pairedVaults, tempFolder } from '../support/sync-cli';
import { waitFor } from '../support/syncthing';

describe.skipIf(!hasKeychain)(`the running app keeps syncing without a restart (${KEYCHAIN_SKIP_REASON} otherwise)`, () => {
  it('a change another device writes to the folder arrives; a change made in the app is written for the others', { timeout: 120_000 }, async () => {
    const folder = tempFolder();
    const { a, b } = pairedVaults(folder);
    const host = new ServiceHost(a, new KeytarKeyStore(), []);
    await host.start();
    try {
      const issuers = () => host.get().listAccounts().map((x) => x.issuer);
      ok(b, 'add', 'otpauth://totp/Fastmail:dana?secret=JBSWY3DPEHPK3PXP&issuer=Fastmail');
      ok(b, 'sync', 'now');
      await waitFor(() => issuers().includes('Fastmail'), 15_000, 'the app to pick up the other device\'s change');
      await host.get().addAccount({ type: 'totp', secret: 'KRSXG5CTMVRXEZLU', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'Proton', account: 'erin' });
      await waitFor(() => {
        ok(b, 'sync', 'now');
        return names(b).includes('Proton/erin');
      }, 15_000, 'the app to write its change for the others');
      expect(names(b)).toEqual(['Fastmail/dana', 'Proton/erin']);
      // What the app's status line reads: the folder, a recent sync, no problems, and nothing secret.
      const status = await createApiHandlers(host).sync.status();
      expect(status).toMatchObject({ folder, device: { name: 'Laptop' }, problems: [] });
      expect(Math.abs(status.lastSync! - Date.now() / 1000)).toBeLessThan(60);
      expect(JSON.stringify(status)).not.toMatch(/JBSWY3DP|KRSXG5CT|Fastmail|Proton/);
    } finally {
      host.close();
    }
  });
});
