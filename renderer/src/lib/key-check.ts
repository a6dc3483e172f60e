import { normalizeBase32 } from '../../../electron/core/otp/base32';

/** What a key looks like, said next to the field and in every problem below. */
export const KEY_LOOKS_LIKE =
  'A key is letters A–Z and digits 2–7, usually 16 or 32 of them, often shown in groups of four (JBSW Y3DP EHPK 3PXP). Spaces, dashes and lower case are fine.';

/** A problem with a key; `blocks` when the key can't work at all (else it is only unusual). */
export interface KeyProblem {
  readonly message: string;
  readonly blocks: boolean;
}

/**
 * What is wrong with a typed or pasted secret key, checked as it is typed so the key's problem
 * shows before any other field's. `complete` is false while the user may still be typing, when
 * a length that can't be base32 is not yet worth a message. Null for a usable key.
 */
export function keyProblem(text: string, complete: boolean): KeyProblem | null {
  const key = normalizeBase32(text);
  if (!key) return null;
  const bad = [...new Set(key.match(/[^A-Z2-7]/g) ?? [])];
  if (bad.length > 0) {
    const shown = bad
      .slice(0, 4)
      .map((c) => `“${c}”`)
      .join(' ');
    const lookalike = bad.some((c) => '018'.includes(c))
      ? ' Keys have no 0, 1 or 8: read them as O, I or B.'
      : '';
    return {
      message: `This is not a key: it has ${shown}, which keys never contain.${lookalike}`,
      blocks: true,
    };
  }
  if (!complete) return null;
  const rem = key.length % 8;
  if (rem === 1 || rem === 3 || rem === 6)
    return {
      message: `A key can’t be ${key.length} characters long: one is missing or extra. Copy the whole key again.`,
      blocks: true,
    };
  if (key.length < 16)
    return {
      message: `This key is only ${key.length} characters; keys are usually 16 or 32. Check that you copied all of it.`,
      blocks: false,
    };
  return null;
}
