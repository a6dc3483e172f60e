import { UserError } from '../core/errors';

/**
 * Something a page asked for that could move a secret, a code or a request outside main's own
 * rules: a secret leaving (reveal, export), or a boundary changing (the time server, the backup
 * folder, password or count, a screen capture). Main asks the user itself before it happens.
 */
export interface SecretRelease {
  readonly action:
    | 'reveal'
    | 'export'
    | 'time-server'
    | 'backup-folder'
    | 'backup-password'
    | 'backup-keep'
    | 'screen-capture';
  /** e.g. "the key of GitHub (alice@example.com)", "3 accounts as otpauth links", "time.example.com". */
  readonly what: string;
}

/**
 * Asks the user, from main (a native dialog in the app; an explicit test answer in the bridge),
 * whether a secret may leave or a boundary move. The renderer can't answer it, so a compromised
 * page can't take secrets or redirect them silently.
 */
export type SecretConfirmer = (release: SecretRelease) => Promise<boolean>;

const CANT_ASK =
  'OTP Desk could not ask you to confirm this, so nothing left the app. Set a vault password to reveal and export with it instead.';

/**
 * Lets a secret leave main: with a vault password, the caller has already checked it; without
 * one, main asks through `confirm` and refuses when there is no one to ask or the user says no.
 */
export async function confirmSecretRelease(
  hasPassword: boolean,
  release: SecretRelease,
  confirm: SecretConfirmer | undefined,
): Promise<void> {
  if (hasPassword) return;
  if (!confirm) throw new UserError('cancelled', CANT_ASK);
  if (!(await confirm(release)))
    throw new UserError('cancelled', 'Cancelled: nothing left OTP Desk.');
}

/**
 * Changes a boundary only after main asked the user (whatever the vault password: these calls
 * carry none, and the dialog is main's own); refuses when there is no one to ask or the user says no.
 */
export async function confirmInMain(release: SecretRelease, confirm: SecretConfirmer | undefined): Promise<void> {
  if (!confirm)
    throw new UserError('cancelled', 'OTP Desk could not ask you to confirm this change, so nothing was changed. Make it in the OTP Desk app.');
  if (!(await confirm(release)))
    throw new UserError('cancelled', release.action === 'screen-capture' ? 'Cancelled: the screen was not captured.' : 'Cancelled: nothing was changed.');
}

const IF_NOT_YOU = 'If you did not just ask for this, choose Cancel.';

/** Per action: the question, why it matters, and the button that says yes. */
const DIALOGS: Record<SecretRelease['action'], (what: string) => { message: string; detail: string; confirm: string }> = {
  reveal: (what) => ({
    message: `Show ${what}?`,
    detail: `This shows secrets that let anyone generate your codes. ${IF_NOT_YOU} Set a vault password to protect this with your password instead.`,
    confirm: 'Show',
  }),
  export: (what) => ({
    message: `Export ${what}?`,
    detail: `This shows secrets that let anyone generate your codes. ${IF_NOT_YOU} Set a vault password to protect this with your password instead.`,
    confirm: 'Export',
  }),
  'time-server': (what) => ({
    message: `Ask ${what} for the time?`,
    detail: `OTP Desk will contact this server, and only it, to check your clock. ${IF_NOT_YOU}`,
    confirm: 'Use this server',
  }),
  'backup-folder': (what) => ({
    message: `Back up every account to ${what}?`,
    detail: `Automatic backups hold every secret, encrypted with your backup password, and go to this folder after each change. ${IF_NOT_YOU}`,
    confirm: 'Back up here',
  }),
  'backup-password': (what) => ({
    message: `Encrypt backups with ${what}?`,
    detail: `Whoever knows the backup password can read every secret in your backups. ${IF_NOT_YOU}`,
    confirm: 'Set backup password',
  }),
  'backup-keep': (what) => ({
    message: `Keep only the newest ${what}?`,
    detail: `Older backups are deleted after the next backup. ${IF_NOT_YOU}`,
    confirm: 'Change',
  }),
  'screen-capture': (what) => ({
    message: `Scan ${what} for QR codes?`,
    detail: `OTP Desk takes a picture of the screen and searches it for QR codes; nothing is stored. ${IF_NOT_YOU}`,
    confirm: 'Scan screen',
  }),
};

/** The words of main's confirmation dialog. */
export function releaseDialogText(release: SecretRelease): {
  title: string;
  message: string;
  detail: string;
  confirm: string;
} {
  return { title: 'OTP Desk', ...DIALOGS[release.action](release.what) };
}
