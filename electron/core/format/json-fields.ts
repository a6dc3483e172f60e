/** A parsed JSON object whose fields are still unchecked. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** The value as a JSON object, or undefined for arrays, null and primitives. */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

/** The value as an array, or undefined. */
export function asArray(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A string field; numbers are turned into text because some apps store labels as numbers. */
export function textField(record: JsonRecord | undefined, key: string): string | undefined {
  const value = record?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A numeric field as stored: number or numeric string (validated later by the entry builder). */
export function numberField(
  record: JsonRecord | undefined,
  key: string,
): number | string | undefined {
  const value = record?.[key];
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** Decodes UTF-8 text, dropping a byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Parses JSON text; undefined when it is not JSON (detection must never throw). */
export function parseJsonText(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/** Parses a file's bytes as JSON; undefined when they are not JSON. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  // Cheap first-byte check so binary files (images, databases) are never decoded as text.
  const first = bytes.find(
    (b) =>
      b !== 0x20 &&
      b !== 0x0a &&
      b !== 0x0d &&
      b !== 0x09 &&
      b !== 0xef &&
      b !== 0xbb &&
      b !== 0xbf,
  );
  if (first !== 0x7b && first !== 0x5b) return undefined;
  return parseJsonText(decodeUtf8(bytes));
}
