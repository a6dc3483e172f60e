import { FOLLOWED_APP_INFO, type FollowedAppId, type FollowedAppInfo } from './followed-app-info';

export { FOLLOWED_APP_NAMES, type FollowedAppId } from './followed-app-info';

/**
 * One phone app as a follow sees it: which files in the folder are its backups (by name), and the
 * ids of the project's importers that read them. The importers run in the import sandbox, never
 * here: a followed folder is filled by a sync tool from a phone, so its files are foreign input.
 */
export interface FollowedApp extends FollowedAppInfo {
  readonly importerIds: readonly string[];
}

const IMPORTER_IDS: Readonly<Record<FollowedAppId, readonly string[]>> = {
  aegis: ['aegis'],
  '2fas': ['2fas'],
  // Local backups and encrypted exports; a plain-text export (otpauth links) is read too.
  'ente-auth': ['ente-auth', 'uri-list'],
};

export const FOLLOWED_APPS: readonly FollowedApp[] = FOLLOWED_APP_INFO.map((info) => ({ ...info, importerIds: IMPORTER_IDS[info.id] }));

/** Every importer a followed folder's backups may need: detection by content stays among these. */
export const FOLLOWED_IMPORTER_IDS: readonly string[] = FOLLOWED_APPS.flatMap((app) => app.importerIds);

/** The app a follow reads: follows made before 2FAS and Ente Auth could be followed are Aegis's. */
export function followedApp(id: FollowedAppId | undefined): FollowedApp {
  return FOLLOWED_APPS.find((app) => app.id === (id ?? 'aegis'))!;
}
