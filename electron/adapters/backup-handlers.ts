import type { ApiHandlers, ExportRequest } from '../api';
import { prepareBackupKey } from '../core/backup/backup';
import { BACKUP_KEY_SETTING, validateBackupSettingsPatch } from '../core/backup/backup-settings';
import { UserError, invalidInput } from '../core/errors';
import { isExportFormat } from '../core/exporters/export-format';
import { readLatestBackup } from '../backups/backup-files.node';
import { createExport, revealAccount, type PrintToPdf } from '../backups/export-service';
import { requireVaultPassword } from '../backups/reauth';
import { asOptionalString, asRecord, asString, asStringArray } from './guards';
import type { ServiceHost } from './service-host';

/** What only the app's main process has for backups and exports; the test bridge runs without it. */
export interface BackupPlatform {
  /** Electron's folder dialog: the chosen folder, or '' when cancelled. */
  readonly chooseFolder?: () => Promise<string>;
  readonly printToPdf?: PrintToPdf;
}

function exportRequestFrom(value: unknown): ExportRequest {
  const r = asRecord(value, 'an export request');
  const format = r['format'];
  if (format !== 'pdf' && !isExportFormat(format)) throw invalidInput('Unknown export format. Choose uris, aegis, aegis-plain, migration, migration-qr, csv, html, kdbx, bitwarden or pdf.');
  return {
    format,
    ids: r['ids'] === undefined || r['ids'] === null ? undefined : asStringArray(r['ids'], 'account ids'),
    password: asOptionalString(r['password'], 'export password'),
    collection: asOptionalString(r['collection'], 'Bitwarden collection'),
    vaultPassword: asOptionalString(r['vaultPassword'], 'vault password'),
  };
}

/** Automatic backups, restore of the latest backup, exports and reveal: issue 6's part of the contract. */
export function createBackupHandlers(host: ServiceHost, platform: BackupPlatform = {}): Pick<ApiHandlers, 'backups' | 'exports'> {
  const service = () => host.get();
  const backups = () => host.backups();
  return {
    backups: {
      status: () => backups().status(),
      configure: async (patch) => {
        const valid = validateBackupSettingsPatch(patch);
        for (const [key, value] of Object.entries(valid)) await service().setSetting(key, value);
        return backups().status();
      },
      setPassword: async (password, vaultPassword) => {
        const text = asString(password, 'backup password', 1_000);
        if (text.length < 8) throw invalidInput('Choose a backup password of at least 8 characters; you will need it to restore.');
        await requireVaultPassword(service(), asOptionalString(vaultPassword, 'vault password'), 'change the backup password');
        await service().setSetting(BACKUP_KEY_SETTING, await prepareBackupKey(text));
        return backups().status();
      },
      runNow: () => backups().runNow(),
      chooseFolder: () => {
        if (!platform.chooseFolder) throw new UserError('io', 'The folder picker is not available here. Type the folder path instead.');
        return platform.chooseFolder();
      },
      previewLatest: async () => {
        const { backupFolder } = backups().settings();
        if (!backupFolder) throw invalidInput('No backup folder is set. Type or choose the folder your backups are in first.');
        return host.imports().previewFiles([await readLatestBackup(backupFolder)]);
      },
    },
    exports: {
      create: (request) => createExport(service(), exportRequestFrom(request), platform.printToPdf),
      reveal: (id, vaultPassword) => revealAccount(service(), asString(id, 'account id'), asOptionalString(vaultPassword, 'vault password')),
    },
  };
}
