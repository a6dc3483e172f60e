import { writeAegisBackup, type BackupAccount } from '../backup/backup';

/** An Aegis vault file: encrypted with `password` (scrypt + AES-256-GCM), or plain JSON with null. */
export function exportAegis(accounts: readonly BackupAccount[], password: string | null): Promise<string> {
  return writeAegisBackup(accounts, password);
}
