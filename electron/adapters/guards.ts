import { invalidInput } from '../core/errors';

/** Narrowing helpers for arguments that arrive over IPC or the bridge as `unknown`. */
export function asString(value: unknown, what: string, max = 10_000): string {
  if (typeof value !== 'string' || value.length > max) throw invalidInput(`Expected ${what} as text.`);
  return value;
}

export function asFiniteNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput(`Expected ${what} as a number.`);
  return value;
}

export function asOptionalNumber(value: unknown, what: string): number | undefined {
  return value === undefined || value === null ? undefined : asFiniteNumber(value, what);
}

export function asOptionalString(value: unknown, what: string): string | undefined {
  return value === undefined || value === null ? undefined : asString(value, what);
}

export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(`Expected ${what}.`);
  return value as Record<string, unknown>;
}

export function asStringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalidInput(`Expected ${what} as a list of text.`);
  return value as string[];
}
