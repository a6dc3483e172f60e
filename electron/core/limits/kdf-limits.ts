import { UserError } from '../errors';

/**
 * Ceilings for key-derivation parameters read from a file. A backup's header chooses its own work
 * factor, so a hostile or damaged one could ask for gigabytes of memory or hours of hashing before
 * the password is even checked. Real exports sit far below these (Aegis: scrypt N=2^15 r=8 p=1;
 * andOTP: ~150 000 PBKDF2 rounds; Stratum: Argon2id 64 MiB). Shared by importers, backups and the vault.
 */
export const KDF_LIMITS = {
  scryptMaxN: 2 ** 20,
  scryptMaxRTimesP: 32,
  pbkdf2MaxIterations: 10_000_000,
  argon2MaxMemoryKiB: 1024 * 1024,
  /** Memory × passes: twice libsodium's "sensitive" 1 GiB × 4 (Ente Auth trades memory for passes on small phones). */
  argon2MaxWorkKiBPasses: 2 * 1024 * 1024 * 4,
} as const;

/** scrypt parameters as files store them. */
export interface ScryptCost {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

function refused(label: string, what: string): UserError {
  return new UserError(
    'integrity',
    `The ${label} file asks for ${what}, so OTP Desk will not try it: the file is damaged or was altered. Use another copy; nothing was imported.`,
  );
}

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

/** Throws an integrity UserError naming the limit unless N is a power of two ≤ 2^20, r·p ≤ 32 and 128·N·r ≤ 1 GiB. */
export function checkScryptCost(cost: ScryptCost, label: string): void {
  const { n, r, p } = cost;
  if (
    !isPositiveInteger(n) ||
    !isPositiveInteger(r) ||
    !isPositiveInteger(p) ||
    n < 2 ||
    (n & (n - 1)) !== 0
  ) {
    throw refused(
      label,
      'scrypt parameters that are not valid (N must be a power of two, r and p whole numbers)',
    );
  }
  if (n > KDF_LIMITS.scryptMaxN)
    throw refused(label, `scrypt N=${n}, above the limit of 2^20 (${KDF_LIMITS.scryptMaxN})`);
  if (r * p > KDF_LIMITS.scryptMaxRTimesP)
    throw refused(label, `scrypt r·p=${r * p}, above the limit of ${KDF_LIMITS.scryptMaxRTimesP}`);
  // scrypt holds 128·N·r bytes at once: the same 1 GiB ceiling as Argon2's memory.
  if (128 * n * r > KDF_LIMITS.argon2MaxMemoryKiB * 1024) {
    throw refused(
      label,
      `scrypt N=${n} with r=${r}, which needs ${(128 * n * r) / 2 ** 30} GiB of memory, above the limit of 1 GiB`,
    );
  }
}

/** Throws an integrity UserError naming the limit unless 1 ≤ iterations ≤ 10^7. */
export function checkPbkdf2Iterations(iterations: number, label: string): void {
  if (!isPositiveInteger(iterations))
    throw refused(label, `a PBKDF2 iteration count that is not a positive whole number`);
  if (iterations > KDF_LIMITS.pbkdf2MaxIterations) {
    throw refused(
      label,
      `${iterations} PBKDF2 iterations, above the limit of 10^7 (${KDF_LIMITS.pbkdf2MaxIterations})`,
    );
  }
}

/** Throws an integrity UserError naming the limit unless Argon2's memory (KiB) is at most 1 GiB. */
export function checkArgon2Memory(memoryKiB: number, label: string): void {
  if (!isPositiveInteger(memoryKiB))
    throw refused(label, 'an Argon2 memory size that is not a positive whole number');
  if (memoryKiB > KDF_LIMITS.argon2MaxMemoryKiB) {
    throw refused(
      label,
      `${Math.round(memoryKiB / 1024)} MiB of Argon2 memory, above the limit of 1 GiB`,
    );
  }
}

/** Throws an integrity UserError unless Argon2 asks for ≤ 1 GiB and memory × passes within the work ceiling. */
export function checkArgon2Work(memoryKiB: number, passes: number, label: string): void {
  checkArgon2Memory(memoryKiB, label);
  if (!isPositiveInteger(passes))
    throw refused(label, 'an Argon2 pass count that is not a positive whole number');
  if (memoryKiB * passes > KDF_LIMITS.argon2MaxWorkKiBPasses) {
    throw refused(
      label,
      `${passes} Argon2 passes over ${Math.round(memoryKiB / 1024)} MiB, above the limit of 8 GiB of passes in all`,
    );
  }
}
