/** Vault, backup and export passwords are at least this long (kept apart from password-policy so it loads no dictionaries). */
export const MIN_PASSWORD_LENGTH = 8;
