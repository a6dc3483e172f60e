import { basename } from 'node:path';
import type { ApiHandlers, ExportRequest } from '../api';
import { prepareBackupKey } from '../core/backup/backup';
import { BACKUP_KEY_SETTING, validateBackupSettingsPatch } from '../core/backup/backup-settings';
import { UserError, invalidInput } from '../core/errors';
import { isExportFormat } from '../core/exporters/export-format';
import { isAgeInnerFormat } from '../core/exporters/age';
import { describeRecipients, MAX_RECIPIENTS_TEXT } from './age-handlers';
import { readLatestBackup } from '../backups/backup-files.node';
import { createExport, revealAccount, saveExportFile, type PrintToPdf } from '../backups/export-service';
import { requireVaultPassword } from '../backups/reauth';
import { describeBackupFolder } from '../core/backup/network-folder';
import { readMountTable } from '../backups/mount-table.node';
import { confirmInMain, confirmSecretRelease, type SecretConfirmer } from '../lock/secret-release';
import { asOptionalString, asRecord, asString, asStringArray } from './guards';
import type { ServiceHost } from './service-host';

/** What only the app's main process has for backups and exports; the test bridge runs without it. */
export interface BackupPlatform {
  /** Electron's folder dialog: the chosen folder, or '' when cancelled. */
  readonly chooseFolder?: (title?: string) => Promise<string>;
  readonly printToPdf?: PrintToPdf;
  /** Electron's save dialog: the chosen path, or '' when cancelled. */
  readonly chooseSavePath?: (fileName: string) => Promise<string>;
  /** Main's own question before a secret leaves without a vault password (native dialog; the bridge's explicit test answer). */
  readonly confirmSecretRelease?: SecretConfirmer;
}

/** Exports are a few MB at most (a QR image per account); base64 of 64 MB is far beyond any. */
const MAX_EXPORT_BASE64 = Math.ceil((64 * 1024 * 1024 * 4) / 3);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
    ...(format === 'age' ? ageRequestFrom(r) : {}),
  };
}

function ageRequestFrom(r: Record<string, unknown>): Pick<ExportRequest, 'recipients' | 'inner' | 'armor'> {
  const inner = r['inner'] ?? undefined;
  if (inner !== undefined && !isAgeInnerFormat(inner)) throw invalidInput('Unknown format to put inside the age file.');
  return { recipients: asString(r['recipients'] ?? '', 'recipients', MAX_RECIPIENTS_TEXT), inner, armor: r['armor'] === true };
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
        // Where every secret goes and how many backups survive are the user's to decide, in main.
        const before = backups().settings();
        if (valid.backupFolder && valid.backupFolder !== before.backupFolder) {
          const what = describeBackupFolder(valid.backupFolder, await readMountTable());
          await confirmInMain({ action: 'backup-folder', what }, platform.confirmSecretRelease);
        }
        if (valid.backupKeep !== undefined && valid.backupKeep !== before.backupKeep)
          await confirmInMain({ action: 'backup-keep', what: plural(valid.backupKeep, 'backup') }, platform.confirmSecretRelease);
        for (const [key, value] of Object.entries(valid)) await service().setSetting(key, value);
        return backups().status();
      },
      setPassword: async (password, vaultPassword) => {
        const text = asString(password, 'backup password', 1_000);
        if (text.length < 8) throw invalidInput('Choose a backup password of at least 8 characters; you will need it to restore.');
        await requireVaultPassword(service(), asOptionalString(vaultPassword, 'vault password'), 'change the backup password');
        // Whoever knows the backup password reads every backup: without a vault password, main asks.
        await confirmSecretRelease(service().hasPassword, { action: 'backup-password', what: 'a new backup password' }, platform.confirmSecretRelease);
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
      create: async (request) => {
        const valid = exportRequestFrom(request);
        const count = valid.ids ? valid.ids.length : service().accounts().length;
        const what = `${valid.ids ? plural(count, 'account') : `all ${plural(count, 'account')}`} (${valid.format})`;
        await confirmSecretRelease(service().hasPassword, { action: 'export', what }, platform.confirmSecretRelease);
        return createExport(service(), valid, platform.printToPdf);
      },
      reveal: async (id, vaultPassword) => {
        const account = service().getAccount(asString(id, 'account id'));
        const label = [account.issuer, account.account].filter(Boolean).join(' · ') || 'this account';
        await confirmSecretRelease(service().hasPassword, { action: 'reveal', what: `the secret key of ${label}` }, platform.confirmSecretRelease);
        return revealAccount(service(), account.id, asOptionalString(vaultPassword, 'vault password'));
      },
      save: async (file) => {
        const r = asRecord(file, 'an exported file');
        const fileName = basename(asString(r['fileName'], 'file name', 255));
        const data = Buffer.from(asString(r['dataBase64'], 'file data', MAX_EXPORT_BASE64), 'base64');
        if (!platform.chooseSavePath) return 'unavailable';
        const path = await platform.chooseSavePath(fileName);
        if (!path) return 'cancelled';
        await saveExportFile(path, data);
        return 'saved';
      },
      describeRecipients: (text) => describeRecipients(text),
    },
  };
}
