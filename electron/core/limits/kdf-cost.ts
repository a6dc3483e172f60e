import { UserError } from '../errors';
import { checkArgon2Work, checkScryptCost } from './kdf-limits';

/** A KDF a file declares, as its parameters: what the import sandbox must make room for. */
export type KdfCost =
  | { readonly kind: 'argon2'; readonly memoryKiB: number; readonly passes: number }
  | { readonly kind: 'scrypt'; readonly n: number; readonly r: number; readonly p: number };

/** What a KDF within KDF_LIMITS needs beyond a parser's own: its memory and its passes over that memory. */
export interface KdfNeed {
  readonly memoryMb: number;
  /** Memory × passes in GiB (Argon2: memory × passes; scrypt: 128·N·r written once and read once per p). */
  readonly gibPasses: number;
}

const MIB = 1024 * 1024;

/**
 * What `cost` needs, after the same limits the importers apply have accepted it (a child that says
 * otherwise is not believed): at most 1 GiB of memory and 8 GiB of passes. Throws an integrity UserError.
 */
export function kdfNeed(cost: unknown, label: string): KdfNeed {
  const c = cost as Partial<Record<string, unknown>> | null;
  if (c?.['kind'] === 'argon2') {
    const { memoryKiB, passes } = c as { memoryKiB: number; passes: number };
    checkArgon2Work(memoryKiB, passes, label);
    return { memoryMb: memoryKiB / 1024, gibPasses: (memoryKiB * passes) / MIB };
  }
  if (c?.['kind'] === 'scrypt') {
    const { n, r, p } = c as { n: number; r: number; p: number };
    checkScryptCost({ n, r, p }, label);
    const bytes = 128 * n * r;
    return { memoryMb: bytes / MIB, gibPasses: (2 * p * bytes) / (1024 * MIB) };
  }
  throw new UserError('integrity', `The ${label} file declares a key derivation OTP Desk does not know. Nothing was imported.`);
}

type Announcer = (cost: KdfCost) => Promise<void>;
let announcer: Announcer | undefined;

/** Set by the import sandbox's child: it tells its parent each KDF's cost and waits until the parent made room. */
export function setKdfAnnouncer(next: Announcer | undefined): void {
  announcer = next;
}

/**
 * Called by an importer after the limits accepted a file's KDF and before it runs it. Outside the
 * sandbox (main's own backups and vault, tests) nothing listens and it returns at once.
 */
export async function announceKdf(cost: KdfCost): Promise<void> {
  await announcer?.(cost);
}
