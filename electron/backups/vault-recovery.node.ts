import { copyFile, link, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { VaultRecovery } from '../api';
import { readAegisBackup } from '../core/backup/backup';
import { readBackupSettings } from '../core/backup/backup-settings';
import { UserError } from '../core/errors';
import { exportTimestamp } from '../core/exporters/export-format';
import type { Importer } from '../core/format/importer';
import type { ImportReader } from '../core/importers/import-reader';
import { ImportService } from '../import-service';
import { AuthenticatorService } from '../service';
import { commitTemp } from '../vault/atomic-write.node';
import type { KeyStore } from '../vault/keychain';
import { withFileLock } from '../vault/lock.node';
import { VAULT_FILE_NAME } from '../vault/paths.node';
import { Vault } from '../vault/vault.node';
import { listBackups } from './backup-files.node';

/**
 * A damaged vault.json is never opened, written or replaced by itself. These offer the two ways
 * back (the previous version kept as vault.json.bak, the newest automatic backup) and carry
 * them out only when the user asks, keeping the damaged file beside the vault.
 */
const PREVIOUS = `${VAULT_FILE_NAME}.bak`;

/** Opens vault.json.bak as a vault with this machine's keychain, or null when it can't be. */
async function openPrevious(dir: string, keyStore: KeyStore): Promise<Vault | null> {
  return Vault.openFile(join(dir, PREVIOUS), dir, keyStore).catch(() => null);
}

/** What can bring a damaged vault back: the previous version when it opens, and the newest automatic backup. */
export async function inspectRecovery(dir: string, keyStore: KeyStore): Promise<VaultRecovery> {
  const previous = await openPrevious(dir, keyStore);
  const savedAt = await stat(join(dir, PREVIOUS)).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  // The backup folder is a setting inside the (encrypted) vault: read from the previous version.
  const folder = previous ? readBackupSettings(previous.current.settings).backupFolder : '';
  const [newest] = folder ? await listBackups(folder) : [];
  return {
    previous: previous ? { savedAt, accounts: previous.current.accounts.length } : null,
    backup: newest ? { file: newest.path, savedAt: newest.modifiedMs } : null,
  };
}

/** The damaged-vault message: what is wrong, that nothing was overwritten, and the exact ways back. */
export function damagedVaultMessage(dir: string, recovery: VaultRecovery, cli: boolean): string {
  const path = join(dir, VAULT_FILE_NAME);
  const vaultFlag = cli ? ` --vault "${dir}"` : '';
  const ways: string[] = [];
  if (recovery.previous) {
    const what = `the previous version (${PREVIOUS}, ${recovery.previous.accounts} account${recovery.previous.accounts === 1 ? '' : 's'}, saved ${new Date(recovery.previous.savedAt).toISOString()})`;
    ways.push(
      cli
        ? `to restore ${what} run: otp-desk${vaultFlag} recover --from-previous`
        : `restore ${what}`,
    );
  }
  if (recovery.backup) {
    const what = `the newest automatic backup (${recovery.backup.file})`;
    ways.push(
      cli
        ? `to restore ${what} run: otp-desk${vaultFlag} recover --from "${recovery.backup.file}" --password-file FILE`
        : `restore ${what} with its backup password`,
    );
  }
  if (ways.length === 0) {
    ways.push(
      cli
        ? `restore a backup file with: otp-desk${vaultFlag} recover --from BACKUP.json --password-file FILE`
        : 'restore a backup file',
    );
  }
  return `The vault file ${path} is damaged (cut short or changed on disk), so it was not opened; nothing has been overwritten. ${capitalize(ways.join('; or '))}. A restore keeps the damaged file as ${VAULT_FILE_NAME}.damaged-TIME.`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Moves the damaged vault.json aside (never deleted); returns its new name. */
async function moveDamagedAside(dir: string, now: number): Promise<string> {
  const aside = join(dir, `${VAULT_FILE_NAME}.damaged-${exportTimestamp(now)}`);
  await rename(join(dir, VAULT_FILE_NAME), aside);
  return aside;
}

/** Refuses to "recover" a vault that opens: recovery is only for a damaged file. */
async function assertDamaged(dir: string, keyStore: KeyStore): Promise<void> {
  const opened = await Vault.open(dir, keyStore).then(
    () => true,
    (error: unknown) => !(error instanceof UserError && error.kind === 'integrity'),
  );
  if (opened)
    throw new UserError(
      'invalid-input',
      `The vault in ${dir} is not damaged, so there is nothing to recover; nothing was changed.`,
    );
}

/** Puts vault.json.bak back as the vault (the .bak stays), keeping the damaged file. Returns the damaged file's new path. */
export async function recoverFromPrevious(
  dir: string,
  keyStore: KeyStore,
  now = Date.now(),
): Promise<string> {
  await assertDamaged(dir, keyStore);
  if (!(await openPrevious(dir, keyStore))) {
    throw new UserError(
      'integrity',
      `The previous version ${join(dir, PREVIOUS)} is missing or does not open either. Restore a backup file instead; nothing was changed.`,
    );
  }
  const staged = join(dir, `${VAULT_FILE_NAME}.tmp-${process.pid}`);
  return withFileLock(join(dir, `${VAULT_FILE_NAME}.lock`), async () => {
    await copyFile(join(dir, PREVIOUS), staged);
    try {
      const aside = await moveDamagedAside(dir, now);
      await commitTemp(staged, join(dir, VAULT_FILE_NAME));
      return aside;
    } finally {
      await rm(staged, { force: true });
    }
  });
}

/**
 * Replaces a damaged vault with a new one holding the accounts of an OTP Desk (Aegis-format)
 * backup. The password is checked before anything moves; the damaged file is kept.
 */
export async function recoverFromBackup(
  dir: string,
  keyStore: KeyStore,
  importers: ImportReader | readonly Importer[],
  file: string,
  password: string | undefined,
  now = Date.now(),
): Promise<{ accounts: number; damaged: string }> {
  await assertDamaged(dir, keyStore);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      'io',
      `Cannot read the backup ${file} (${error.code ?? 'error'}); nothing was changed.`,
    );
  });
  const backup = await readAegisBackup(bytes.toString('utf8'), password);
  if (backup.entries.length === 0)
    throw new UserError(
      'invalid-input',
      `The backup ${basename(file)} holds no accounts; nothing was changed.`,
    );
  const damaged = await withFileLock(join(dir, `${VAULT_FILE_NAME}.lock`), () =>
    moveDamagedAside(dir, now),
  );
  try {
    const service = await AuthenticatorService.open(dir, keyStore, { create: true });
    const imports = new ImportService(service, importers);
    let preview = await imports.previewFiles([
      { fileName: basename(file), bytes: new Uint8Array(bytes) },
    ]);
    if (preview.locked.length > 0) preview = await imports.unlock(preview.id, password ?? '');
    const outcome = await imports.commit(
      preview.id,
      preview.candidates.map((c) => ({ key: c.key, action: 'add' as const })),
    );
    return { accounts: outcome.added, damaged };
  } catch (error) {
    // No new vault was saved: put the damaged file back (link fails if a vault appeared meanwhile), so a retry starts the same.
    if (
      await link(damaged, join(dir, VAULT_FILE_NAME)).then(
        () => true,
        () => false,
      )
    )
      await unlink(damaged);
    throw error;
  }
}
