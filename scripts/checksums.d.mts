/** Types for checksums.mjs (plain Node so the release job runs it on every OS). */
export const ARTIFACT: RegExp;
export function checksumLines(dir: string): Promise<string[]>;
