/**
 * A reader for the one Java-serialized shape authenticator backups use: a java.util.HashMap<String, String>
 * (FreeOTP 2 writes its backup with ObjectOutputStream). It follows the stream grammar of the Java Object
 * Serialization Specification, chapter 6, for the parts that shape needs (class descriptors, strings,
 * back-references, block data) and rejects anything else instead of guessing.
 */

const STREAM_MAGIC = 0xaced;
const STREAM_VERSION = 5;
const TC_NULL = 0x70;
const TC_REFERENCE = 0x71;
const TC_CLASSDESC = 0x72;
const TC_OBJECT = 0x73;
const TC_STRING = 0x74;
const TC_BLOCKDATA = 0x77;
const TC_ENDBLOCKDATA = 0x78;
const TC_BLOCKDATALONG = 0x7a;
const TC_LONGSTRING = 0x7c;
const BASE_HANDLE = 0x7e0000;
const SC_WRITE_METHOD = 0x01;
const HASH_MAP = 'java.util.HashMap';

/** Sizes of primitive field values by type code. */
const PRIMITIVE_BYTES: Readonly<Record<string, number>> = {
  B: 1,
  C: 2,
  D: 8,
  F: 4,
  I: 4,
  J: 8,
  S: 2,
  Z: 1,
};

/** The stream is not the expected shape, or ends early. The message is for logs/tests, never shown raw. */
export class JavaSerializationError extends Error {
  override readonly name = 'JavaSerializationError';
}

/** True when the bytes start with Java's serialization magic and version (AC ED 00 05). */
export function isJavaSerialized(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0xac &&
    bytes[1] === 0xed &&
    bytes[2] === 0x00 &&
    bytes[3] === STREAM_VERSION
  );
}

/** Java's "modified UTF-8": NUL as C0 80 and characters beyond the BMP as two 3-byte surrogates. */
function decodeModifiedUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i]!;
    if (a < 0x80) {
      out += String.fromCharCode(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0 && i + 1 < bytes.length) {
      out += String.fromCharCode(((a & 0x1f) << 6) | (bytes[i + 1]! & 0x3f));
      i += 2;
    } else if ((a & 0xf0) === 0xe0 && i + 2 < bytes.length) {
      out += String.fromCharCode(
        ((a & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f),
      );
      i += 3;
    } else {
      throw new JavaSerializationError('invalid modified UTF-8');
    }
  }
  return out;
}

interface ClassDesc {
  readonly name: string;
  readonly flags: number;
  readonly fields: readonly { readonly type: string }[];
  readonly superClass: ClassDesc | null;
}

class Reader {
  private pos = 0;
  private readonly handles: unknown[] = [];
  private readonly data: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(count: number): number {
    if (this.pos + count > this.bytes.length)
      throw new JavaSerializationError('the stream ends early');
    const at = this.pos;
    this.pos += count;
    return at;
  }

  u8 = () => this.data.getUint8(this.need(1));
  u16 = () => this.data.getUint16(this.need(2));
  i32 = () => this.data.getInt32(this.need(4));
  take = (count: number) => this.bytes.subarray(this.need(count), this.pos);
  utf = () => decodeModifiedUtf8(this.take(this.u16()));

  header(): void {
    if (this.u16() !== STREAM_MAGIC || this.u16() !== STREAM_VERSION)
      throw new JavaSerializationError('not a Java stream');
  }

  /** Reads one object of the kinds the map needs: a string, null or a back-reference to one. */
  value(): string | null {
    const tc = this.u8();
    if (tc === TC_NULL) return null;
    if (tc === TC_STRING || tc === TC_LONGSTRING) {
      const length = tc === TC_STRING ? this.u16() : Number(this.data.getBigUint64(this.need(8)));
      const text = decodeModifiedUtf8(this.take(length));
      this.handles.push(text);
      return text;
    }
    if (tc === TC_REFERENCE) {
      const target = this.handles[this.i32() - BASE_HANDLE];
      if (typeof target !== 'string')
        throw new JavaSerializationError('a reference points to a non-string');
      return target;
    }
    throw new JavaSerializationError(`unexpected type code 0x${tc.toString(16)}`);
  }

  classDesc(): ClassDesc | null {
    const tc = this.u8();
    if (tc === TC_NULL) return null;
    if (tc === TC_REFERENCE) {
      const target = this.handles[this.i32() - BASE_HANDLE] as ClassDesc | undefined;
      if (!target || typeof target !== 'object')
        throw new JavaSerializationError('bad class reference');
      return target;
    }
    if (tc !== TC_CLASSDESC) throw new JavaSerializationError('expected a class descriptor');
    const name = this.utf();
    this.take(8); // serialVersionUID: any version of HashMap serializes the same way.
    const handle = this.handles.push(null) - 1;
    const flags = this.u8();
    const fields: { type: string }[] = [];
    for (let count = this.u16(); count > 0; count--) {
      const type = String.fromCharCode(this.u8());
      this.utf();
      if (type === 'L' || type === '[') this.value();
      else if (!(type in PRIMITIVE_BYTES)) throw new JavaSerializationError('unknown field type');
      fields.push({ type });
    }
    if (this.u8() !== TC_ENDBLOCKDATA)
      throw new JavaSerializationError('class annotations are not supported');
    const desc: ClassDesc = { name, flags, fields, superClass: this.classDesc() };
    this.handles[handle] = desc;
    return desc;
  }

  /** Reads the map object: its declared fields, then the custom-written block with capacity, size and pairs. */
  stringMap(): Map<string, string> {
    if (this.u8() !== TC_OBJECT) throw new JavaSerializationError('expected an object');
    const desc = this.classDesc();
    // HashMap's superclass (AbstractMap) is not serializable, so a plain HashMap has no superclass data.
    if (
      !desc ||
      desc.name !== HASH_MAP ||
      desc.superClass !== null ||
      !(desc.flags & SC_WRITE_METHOD)
    ) {
      throw new JavaSerializationError('the object is not a HashMap');
    }
    this.handles.push(null);
    for (const field of desc.fields) {
      if (field.type === 'L' || field.type === '[') this.value();
      else this.take(PRIMITIVE_BYTES[field.type]!);
    }
    const tc = this.u8();
    if (tc !== TC_BLOCKDATA && tc !== TC_BLOCKDATALONG)
      throw new JavaSerializationError('expected block data');
    const blockLength = tc === TC_BLOCKDATA ? this.u8() : this.i32();
    if (blockLength < 8) throw new JavaSerializationError('block data too short');
    this.i32(); // capacity
    const size = this.i32();
    this.take(blockLength - 8);
    const map = new Map<string, string>();
    for (let i = 0; i < size; i++) {
      const key = this.value();
      const value = this.value();
      if (key !== null && value !== null) map.set(key, value);
    }
    return map;
  }
}

/** Parses a serialized HashMap<String, String>; throws JavaSerializationError for anything else or a cut-off stream. */
export function readJavaStringMap(bytes: Uint8Array): Map<string, string> {
  const reader = new Reader(bytes);
  reader.header();
  return reader.stringMap();
}
