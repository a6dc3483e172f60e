export function patchOpenCvSource(source: string): string;
export const PATCHED: string;
export function ensurePatchedOpenCv(): boolean;
