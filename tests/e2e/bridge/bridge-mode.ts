/**
 * Which bridge may start: the preview (the app, in a browser: no test endpoint, no stand-in for
 * main's dialog) or the e2e harness (--test-harness), which only ever runs on a test's own vault.
 */
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultUserDataDir } from '../../../electron/vault/paths.node';

export interface BridgeMode {
  readonly testHarness: boolean;
  /** The vault key lives in memory or in scripts/with-keyring.mjs's temporary keyring, not the user's. */
  readonly throwawayKeychain: boolean;
  readonly vault: string | undefined;
  readonly confirmSecrets: string | undefined;
}

const canonical = (dir: string) => (existsSync(dir) ? realpathSync(dir) : resolve(dir));

/** The user's own vault folders: the app's data folder and $OTP_DESK_VAULT when set. */
export function isUsersVault(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const own = [join(defaultUserDataDir(env), 'vault'), env['OTP_DESK_VAULT']].filter((d): d is string => !!d);
  return own.map(canonical).includes(canonical(dir));
}

/** Why this bridge must not start (one line for stderr), or undefined when it may. */
export function bridgeRefusal(mode: BridgeMode, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (mode.confirmSecrets !== undefined && !mode.testHarness)
    return '--confirm-secrets answers main\'s confirmation for the tests only; it needs --test-harness (the preview asks no one and refuses instead).';
  if (mode.confirmSecrets !== undefined && !['allow', 'deny'].includes(mode.confirmSecrets))
    return '--confirm-secrets takes allow or deny.';
  if (mode.testHarness && !mode.vault)
    return '--test-harness needs --vault DIR, the test\'s own throwaway vault.';
  if (mode.testHarness && isUsersVault(mode.vault!, env))
    return `--test-harness refuses ${mode.vault}: it is your own vault. Give the test a throwaway folder.`;
  if (mode.throwawayKeychain && mode.vault && isUsersVault(mode.vault, env))
    return `a throwaway keychain would open (or create) your own vault ${mode.vault} with a key that is gone at exit. Leave out --vault for a throwaway vault.`;
  return undefined;
}
