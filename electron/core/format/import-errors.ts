import { UserError } from '../errors';

/** The file is encrypted and no password was given. */
export function passwordRequired(label: string): UserError {
  return new UserError(
    'password-required',
    `This ${label} file is encrypted. Enter its password to import it.`,
  );
}

/** The password does not open the file. Same text for every format so users learn one message. */
export function wrongPassword(): UserError {
  return new UserError(
    'wrong-password',
    'The password is wrong for this backup. Try again; nothing was imported.',
  );
}

/** The password was right (or none is needed) but the contents fail their integrity check or are cut off. */
export function damagedFile(label: string): UserError {
  return new UserError(
    'integrity',
    `The ${label} file is damaged or incomplete: its contents fail the integrity check. Use another copy; nothing was imported.`,
  );
}

/** The file looks like the format but a required part is missing or malformed. */
export function malformedFile(label: string, what: string): UserError {
  return new UserError(
    'invalid-input',
    `This ${label} file cannot be read: ${what}. Export it again from the app; nothing was imported.`,
  );
}
