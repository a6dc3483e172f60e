/** Vault, backup and export passwords are at least this long (kept apart from password-policy so it loads no dictionaries). */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Why a new password can't be used (too short, or its repeat differs), or null. The rule main
 * enforces: strength advice needs zxcvbn's dictionaries, which only the screens that give advice load.
 */
export function passwordProblem(password: string, repeat?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (this has ${password.length}).`;
  if (repeat !== undefined && repeat !== password)
    return 'The two passwords differ. Type the same password twice.';
  return null;
}
