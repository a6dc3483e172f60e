/** The phone apps whose backups a folder can be followed for. */
export type FollowedAppId = 'aegis' | '2fas' | 'ente-auth';

/** What users are told about a followable app, and which files in a followed folder are its backups (no parsing: the renderer shows this too). */
export interface FollowedAppInfo {
  readonly id: FollowedAppId;
  readonly name: string;
  /** The file names the app gives its automatic backups and exports; other files are ignored. */
  readonly backupName: RegExp;
  /** The names, as users see them, for messages. */
  readonly backupNames: string;
  /** Where in the app to make it write its backups, for messages and help. */
  readonly howTo: string;
}

/** Aegis first: the app follows were made for first, and the one with true automatic backups to a folder on Android. */
export const FOLLOWED_APP_INFO: readonly FollowedAppInfo[] = [
  {
    id: 'aegis',
    name: 'Aegis',
    // Automatic backups aegis-backup-yyyyMMdd-HHmmss.json; manual exports aegis-export[-plain]-….json.
    backupName: /^aegis.*\.json$/i,
    backupNames: 'aegis-backup-….json',
    howTo: 'Settings › Backups › automatic backups, to the folder',
  },
  {
    id: '2fas',
    name: '2FAS',
    // 2FAS names exports 2fas-backup-yyyyMMddHHmmss.2fas; its automatic backups go to Google Drive or iCloud only.
    backupName: /^2fas-backup.*\.2fas$/i,
    backupNames: '2fas-backup-….2fas',
    howTo: 'Settings › 2FAS Backup › Export to file, saved into the folder (2FAS backs up by itself only to Google Drive or iCloud)',
  },
  {
    id: 'ente-auth',
    name: 'Ente Auth',
    // Local backups ente-auth-daily-backup-yyyy-MM-dd_HH-mm-ss.json (also -manual-, older -auto-);
    // exports ente-auth-codes-….json (encrypted) or .txt (plain otpauth links).
    backupName: /^ente-auth-.*\.(json|txt)$/i,
    backupNames: 'ente-auth-daily-backup-….json',
    howTo: 'Settings › Data › Local backup, to the folder',
  },
];

/** "Aegis, 2FAS or Ente Auth", for messages. */
export const FOLLOWED_APP_NAMES = `${FOLLOWED_APP_INFO.slice(0, -1).map((a) => a.name).join(', ')} or ${FOLLOWED_APP_INFO.at(-1)!.name}`;
