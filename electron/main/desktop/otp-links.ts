import { isUserError } from '../../core/errors';
import { parseMigrationUri } from '../../core/migration/migration';
import { parseOtpauthUri } from '../../core/otp/otpauth';

/** The URL schemes OTP Desk registers with the OS (and declares in the builder config). */
export const LINK_SCHEMES = ['otpauth', 'otpauth-migration'] as const;

/** A link longer than this is not a QR payload anyone made (Google's biggest batch is ~2 KB). */
const MAX_LINK_LENGTH = 16_384;

/** What an opened link becomes: text for the import review, or a message and nothing else. */
export type LinkIntent =
  | {
      readonly kind: 'review';
      readonly scheme: (typeof LINK_SCHEMES)[number];
      readonly text: string;
    }
  | { readonly kind: 'invalid'; readonly message: string };

/** True for argv entries and URLs the OS hands us because of our scheme registration. */
export function isOtpLink(value: string): boolean {
  return /^otpauth(-migration)?:/i.test(value.trim());
}

/**
 * Decides what an otpauth:// or otpauth-migration:// link opened from the OS becomes. A valid
 * link goes to the import review (never added silently); a damaged one becomes a message that
 * says what to do. The message never echoes the link, since the link holds a secret.
 */
export function classifyLink(raw: string): LinkIntent {
  const text = raw.trim();
  if (!isOtpLink(text))
    return {
      kind: 'invalid',
      message: 'OTP Desk opens only otpauth:// and otpauth-migration:// links.',
    };
  if (text.length > MAX_LINK_LENGTH)
    return {
      kind: 'invalid',
      message:
        'The link is too long to be an authenticator link. Scan or import the QR code instead.',
    };
  const scheme = text.toLowerCase().startsWith('otpauth-migration:')
    ? 'otpauth-migration'
    : 'otpauth';
  try {
    if (scheme === 'otpauth') parseOtpauthUri(text);
    else parseMigrationUri(text);
  } catch (error) {
    const why = isUserError(error) ? error.message : 'It could not be read.';
    return {
      kind: 'invalid',
      message: `The ${scheme}:// link you opened was not imported. ${why}`,
    };
  }
  return { kind: 'review', scheme, text };
}

/**
 * The links in a command line: what Windows and Linux pass to a new process (and, through the
 * single-instance lock, to the first one) when a link is opened. Flags and the app path are skipped.
 */
export function linksFromArgv(argv: readonly string[]): string[] {
  return argv.filter((arg) => typeof arg === 'string' && isOtpLink(arg));
}
