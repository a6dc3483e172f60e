/**
 * Errors users read. Every message says what is wrong and what to do, and never
 * contains a secret. `kind` lets adapters pick an exit code or a UI treatment.
 */
export type UserErrorKind =
  | 'invalid-input'
  | 'not-found'
  | 'unsupported-format'
  | 'password-required'
  | 'wrong-password'
  /** A password try refused unchecked because of the wait after wrong ones. */
  | 'rate-limited'
  | 'integrity'
  | 'vault-locked'
  | 'keychain-unavailable'
  | 'busy'
  | 'cancelled'
  | 'io';

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly kind: UserErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Shorthand for the most common kind. */
export function invalidInput(message: string): UserError {
  return new UserError('invalid-input', message);
}

/** True for errors whose message is safe and meant for the user. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
