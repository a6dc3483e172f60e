import { homedir } from 'node:os';
import { join } from 'node:path';

/** The vault's file in its folder (beside it: .bak, the lock and the backups). */
export const VAULT_FILE_NAME = 'vault.json';

/** The product name Electron uses for its userData folder. */
export const APP_DIR_NAME = 'OTP Desk';

/** Electron's `app.getPath('userData')` for OTP Desk, computed without Electron (for the CLI). */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** The vault folder: `--vault DIR`, else $OTP_DESK_VAULT, else the app's own data folder. */
export function resolveVaultDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env['OTP_DESK_VAULT'] ?? join(defaultUserDataDir(env), 'vault');
}
