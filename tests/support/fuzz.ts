import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError } from '../../electron/core/errors';
import { CORPUS, hasCorpus } from './corpus';

/**
 * Property-based fuzzing shared by tests/unit/fuzz: 2,000 generated or mutated inputs per target
 * in `npm test`, 100,000 under `npm run test:soak` (OTP_DESK_FUZZ_RUNS). Every target must return
 * or throw a UserError; anything else (a TypeError, a RangeError, a hang) fails with the input's seed.
 */
export const FUZZ_RUNS = Number(process.env['OTP_DESK_FUZZ_RUNS'] ?? 2000);

/** fast-check settings: the run count, a per-input time limit (as the sandbox's), and a seed printed on failure. */
export const fuzzParameters = (timeoutMs = 15_000): fc.Parameters<unknown> => ({
  numRuns: FUZZ_RUNS,
  timeout: timeoutMs,
  endOnFailure: true,
});

/** A vitest timeout that grows with the run count (soak runs take hours at 100,000). */
export const fuzzTestTimeout = (msPerRun: number) => Math.max(60_000, FUZZ_RUNS * msPerRun);

/** UTF-8 bytes of a string (seeds are mostly text formats). */
export const text = (value: string) => new TextEncoder().encode(value);

/** The account the fuzz seeds (links, exports, backups) are built from. */
export const ACCOUNT = {
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer: 'Example',
  account: 'alice',
} as const;

/** Runs `read` and fails unless it returns or throws a UserError. */
export async function onlyUserErrors(read: () => unknown): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!isUserError(error)) {
      throw new Error(
        `threw ${(error as Error)?.name ?? typeof error}, not a UserError: ${(error as Error)?.message ?? String(error)}`,
        { cause: error },
      );
    }
  }
}

/** Feeds every generated input to `read` (with fuzzParameters()); fails unless each returns or throws a UserError. */
export async function fuzzOnlyUserErrors<T>(
  inputs: fc.Arbitrary<T>,
  read: (input: T) => unknown,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(inputs, (input) => onlyUserErrors(() => read(input))),
    fuzzParameters(),
  );
}

/** Every file under a corpus folder (recursively), as seeds; empty when the corpus is absent. */
export function corpusSeeds(
  folder: string,
  filter: (name: string) => boolean = () => true,
): Uint8Array[] {
  if (!hasCorpus) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(join(CORPUS, folder))
    .filter((path) => filter(path) && !path.endsWith('.md') && statSync(path).size < 2_000_000)
    .map((path) => new Uint8Array(readFileSync(path)));
}

/** One edit of a seed: flip a byte, set an edge value, cut, delete, insert or duplicate a run. */
const mutation = fc.oneof(
  { depthSize: 'small' },
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    value: fc.constantFrom(0, 1, 0x7f, 0x80, 0xff, 0x22, 0x3c, 0x7b, 0x0a),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 64 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.min(bytes.length, Math.floor(m.at * (bytes.length + 1)));
  switch (m.kind) {
    case 'flip':
    case 'set': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const i = Math.min(at, bytes.length - 1);
      out[i] = m.kind === 'flip' ? out[i]! ^ (1 << m.bit) : m.value;
      return out;
    }
    case 'cut':
      return bytes.slice(0, at);
    case 'delete':
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
    case 'insert':
      return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    case 'repeat': {
      const run = bytes.subarray(at, at + m.length);
      const parts = [
        bytes.subarray(0, at),
        ...Array.from({ length: m.times }, () => run),
        bytes.subarray(at),
      ];
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let offset = 0;
      for (const part of parts) {
        out.set(part, offset);
        offset += part.length;
      }
      return out;
    }
  }
}

/** Seeds mutated 1-8 times, mixed with wholly random bytes (a fifth of the inputs). */
export function mutatedBytes(
  seeds: readonly Uint8Array[],
  maxRandomLength = 4096,
): fc.Arbitrary<Uint8Array> {
  const random = fc.uint8Array({ maxLength: maxRandomLength });
  if (seeds.length === 0) return random;
  // noBias: fast-check's bias toward small values would cut most seeds at byte 0.
  const mutated = fc.noBias(
    fc
      .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }))
      .map(([seed, edits]) => edits.reduce(applyMutation, seed)),
  );
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: random, weight: 1 });
}

/** A seed mutated 1-4 times, with the seed's index (to know which importer wrote it). */
export function mutatedSeed(
  seeds: readonly Uint8Array[],
): fc.Arbitrary<{ readonly seed: number; readonly bytes: Uint8Array }> {
  return fc.noBias(
    fc
      .tuple(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
      )
      .map(([seed, edits]) => ({ seed, bytes: edits.reduce(applyMutation, seeds[seed]!) })),
  );
}

/** Text mutated the same way (through its UTF-8 bytes, decoded leniently). */
export function mutatedText(seeds: readonly string[]): fc.Arbitrary<string> {
  const decoder = new TextDecoder();
  return fc.oneof(
    {
      arbitrary: mutatedBytes(
        seeds.map((s) => new TextEncoder().encode(s)),
        512,
      ).map((b) => decoder.decode(b)),
      weight: 4,
    },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 512 }), weight: 1 },
  );
}
