import { UserError } from '../core/errors';

/** A secret about to leave main: what it is, for the confirmation main itself shows. */
export interface SecretRelease {
  readonly action: 'reveal' | 'export';
  /** e.g. "the key of GitHub (alice@example.com)" or "3 accounts as otpauth links". */
  readonly what: string;
}

/**
 * Asks the user, from main (a native dialog in the app; an explicit test answer in the bridge),
 * whether a secret may leave. The renderer can't answer it, so a compromised page can't take
 * secrets silently.
 */
export type SecretConfirmer = (release: SecretRelease) => Promise<boolean>;

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
  if (!confirm) {
    throw new UserError(
      'cancelled',
      'OTP Desk could not ask you to confirm this, so nothing left the app. Set a vault password to reveal and export with it instead.',
    );
  }
  if (!(await confirm(release)))
    throw new UserError('cancelled', 'Cancelled: nothing left OTP Desk.');
}

/** The words of main's confirmation dialog. */
export function releaseDialogText(release: SecretRelease): {
  title: string;
  message: string;
  detail: string;
  confirm: string;
} {
  const verb = release.action === 'reveal' ? 'Show' : 'Export';
  return {
    title: 'OTP Desk',
    message: `${verb} ${release.what}?`,
    detail:
      'This shows secrets that let anyone generate your codes. If you did not just ask for this, choose Cancel. Set a vault password to protect this with your password instead.',
    confirm: verb,
  };
}
