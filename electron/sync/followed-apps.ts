import type { Importer } from '../core/format/importer';
import { aegisImporter } from '../core/importers/aegis';
import { enteAuthImporter } from '../core/importers/ente-auth';
import { twoFasImporter } from '../core/importers/two-fas';
import { uriListImporter } from '../core/importers/uri-list';
import { FOLLOWED_APP_INFO, type FollowedAppId, type FollowedAppInfo } from './followed-app-info';

export { FOLLOWED_APP_NAMES, type FollowedAppId } from './followed-app-info';

/**
 * One phone app as a follow sees it: which files in the folder are its backups (by name), and the
 * project's own importers that tell its backups by content and read them. No parsing lives here.
 */
export interface FollowedApp extends FollowedAppInfo {
  /** Its formats; the first whose content check accepts a file reads it (as in the import registry). */
  readonly importers: readonly Importer[];
}

const IMPORTERS: Readonly<Record<FollowedAppId, readonly Importer[]>> = {
  aegis: [aegisImporter],
  '2fas': [twoFasImporter],
  // Local backups and encrypted exports; a plain-text export (otpauth links) is read too.
  'ente-auth': [enteAuthImporter, uriListImporter],
};

export const FOLLOWED_APPS: readonly FollowedApp[] = FOLLOWED_APP_INFO.map((info) => ({ ...info, importers: IMPORTERS[info.id] }));

/** The app a follow reads: follows made before 2FAS and Ente Auth could be followed are Aegis's. */
export function followedApp(id: FollowedAppId | undefined): FollowedApp {
  return FOLLOWED_APPS.find((app) => app.id === (id ?? 'aegis'))!;
}
