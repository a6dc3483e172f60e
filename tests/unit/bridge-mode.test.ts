import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeRefusal, isUsersVault } from '../../tests/e2e/bridge/bridge-mode';

const home = mkdtempSync(join(tmpdir(), 'otp-desk-bridge-mode-'));
const env = { XDG_CONFIG_HOME: join(home, 'config'), OTP_DESK_VAULT: join(home, 'chosen-vault') };
const testVault = join(home, 'test-vault');
const mode = { testHarness: true, throwawayKeychain: false, vault: testVault, confirmSecrets: 'allow' };

describe('which bridge may start', () => {
  it("the user's vaults are the app's data folder and $OTP_DESK_VAULT, spelled any way", () => {
    expect(isUsersVault(join(home, 'config', 'OTP Desk', 'vault'), env)).toBe(true);
    expect(isUsersVault(join(home, 'config', 'OTP Desk', 'x', '..', 'vault'), env)).toBe(true);
    expect(isUsersVault(join(home, 'chosen-vault'), env)).toBe(true);
    expect(isUsersVault(testVault, env)).toBe(false);
  });

  it('the test harness runs only on a throwaway vault, and the dialog stand-in only with the harness', () => {
    expect(bridgeRefusal(mode, env)).toBeUndefined();
    expect(bridgeRefusal({ ...mode, vault: env.OTP_DESK_VAULT }, env)).toMatch(/refuses .* your own vault/);
    expect(bridgeRefusal({ ...mode, vault: undefined }, env)).toMatch(/needs --vault/);
    expect(bridgeRefusal({ ...mode, testHarness: false }, env)).toMatch(/--confirm-secrets .* needs --test-harness/);
    expect(bridgeRefusal({ ...mode, confirmSecrets: 'yes' }, env)).toMatch(/allow or deny/);
    // The preview: the user's own vault with the user's own keychain is the app; with a throwaway keychain it is refused.
    const preview = { testHarness: false, throwawayKeychain: false, vault: env.OTP_DESK_VAULT, confirmSecrets: undefined };
    expect(bridgeRefusal(preview, env)).toBeUndefined();
    expect(bridgeRefusal({ ...preview, throwawayKeychain: true }, env)).toMatch(/throwaway keychain/);
  });
});
