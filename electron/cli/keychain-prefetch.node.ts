import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prefetchKeychainKey } from '../vault/keychain-keytar.node';
import { resolveVaultDir, VAULT_FILE_NAME } from '../vault/paths.node';
import { hasKeychainSlot, parseVaultFile } from '../vault/vault-file.node';
import { OPTIONS } from './cli-options';

/**
 * Run by the CLI's loader before it loads the bundle: when the command line is `otp-desk code …`
 * unlocking through the keychain (no --vault-password-file, no --help), starts reading the vault's
 * keychain key so the Secret Service answers while the bundle loads (cliCodeRatio in `npm run
 * bench`). Only `code`, the command people run in scripts and prompts, and only a read `code`
 * itself is about to make. Anything unexpected (another command, a flag mistake, no vault, a
 * damaged file, no keychain slot) starts nothing: the command then runs as always and reports it.
 */
export function prefetchForCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals[0] !== 'code' || values.help || values.version || values['vault-password-file'] !== undefined) return;
    const path = join(resolveVaultDir(values.vault, env), VAULT_FILE_NAME);
    const file = parseVaultFile(readFileSync(path), path);
    if (hasKeychainSlot(file)) prefetchKeychainKey(file.id);
  } catch {
    // Not a command line or vault this applies to.
  }
}
