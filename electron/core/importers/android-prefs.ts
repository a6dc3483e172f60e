import { decodeUtf8 } from '../format/json-fields';

const ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
};

/** Resolves the XML entities Android writes (&quot; &amp; &#10; &#x3d; …). */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** True when the bytes are an Android SharedPreferences file (`<map>` of typed values). */
export function isSharedPreferences(bytes: Uint8Array): boolean {
  const head = decodeUtf8(bytes.subarray(0, 256)).trimStart();
  return (head.startsWith('<?xml') || head.startsWith('<map')) && /<map[\s>/]/.test(head);
}

/**
 * Reads an Android SharedPreferences XML file into name → value. `<string>` gives its text,
 * `<int|long|boolean|float>` their value attribute; `<set>` members are skipped (no importer needs them).
 * A regex reader is enough: Android writes this flat, fixed layout and no DTDs or CDATA.
 */
export function readSharedPreferences(bytes: Uint8Array): ReadonlyMap<string, string> {
  const text = decodeUtf8(bytes);
  const prefs = new Map<string, string>();
  const pattern =
    /<(string|int|long|boolean|float)\s+name="([^"]*)"\s*(?:value="([^"]*)"\s*)?(?:\/>|>([\s\S]*?)<\/\1>)/g;
  for (const match of text.matchAll(pattern)) {
    const [, tag, name = '', value, body] = match;
    prefs.set(unescapeXml(name), unescapeXml(tag === 'string' ? (body ?? '') : (value ?? '')));
  }
  return prefs;
}
