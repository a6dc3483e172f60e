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

/** The start of one typed value up to the end of its opening tag; `[^"]*` stops at the next quote, so attempts never overlap. */
const OPENING_TAG =
  /<(string|int|long|boolean|float)\s+name="([^"]*)"\s*(?:value="([^"]*)"\s*)?(\/>|>)/y;

/**
 * Reads an Android SharedPreferences XML file into name → value. `<string>` gives its text,
 * `<int|long|boolean|float>` their value attribute; `<set>` members are skipped (no importer needs them).
 * A small tokenizer is enough: Android writes this flat, fixed layout and no DTDs or CDATA. It is
 * linear in the file's length: each `<` is tried once, and a missing closing tag is searched for
 * once per tag name (a lazy `[\s\S]*?<\/\1>` regex rescanned the rest of the file at every `<`).
 */
export function readSharedPreferences(bytes: Uint8Array): ReadonlyMap<string, string> {
  const text = decodeUtf8(bytes);
  const prefs = new Map<string, string>();
  const unclosed = new Set<string>();
  let pos = text.indexOf('<');
  while (pos >= 0) {
    OPENING_TAG.lastIndex = pos;
    const match = OPENING_TAG.exec(text);
    let next = pos + 1;
    if (match) {
      const [whole, tag = '', name = '', value, end] = match;
      if (end === '/>') {
        prefs.set(unescapeXml(name), tag === 'string' ? '' : unescapeXml(value ?? ''));
        next = pos + whole.length;
      } else if (!unclosed.has(tag)) {
        const bodyStart = pos + whole.length;
        const close = text.indexOf(`</${tag}>`, bodyStart);
        if (close < 0) {
          unclosed.add(tag); // no later element of this tag can close either
        } else {
          const body = text.slice(bodyStart, close);
          prefs.set(unescapeXml(name), unescapeXml(tag === 'string' ? body : (value ?? '')));
          next = close + tag.length + 3;
        }
      }
    }
    pos = text.indexOf('<', next);
  }
  return prefs;
}
