import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountDraft, HashAlgorithm } from '../../electron/core/otp/account';
import { encodeBase32 } from '../../electron/core/otp/base32';
import { CodeCache, type CodeSource } from '../../electron/core/otp/code-cache';
import { nodeHmac, nodeKeyedHmac } from '../../electron/core/otp/hmac.node';
import { codeWindow, nobleHmac, type KeyedHmacFactory } from '../../electron/core/otp/otp';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';

const ascii = (s: string) => encodeBase32(new TextEncoder().encode(s));
const draft = (fields: Partial<AccountDraft> & Pick<AccountDraft, 'issuer'>): AccountDraft => ({
  type: 'totp',
  secret: ascii('12345678901234567890'),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  account: 'alice',
  ...fields,
});

/** A mix like a real vault: the three hashes, 6 and 8 digits, 30 and 60 s, an HOTP and a Steam account. */
const DRAFTS: AccountDraft[] = [
  draft({ issuer: 'Thirty' }),
  draft({
    issuer: 'Sixty',
    period: 60,
    digits: 8,
    algorithm: 'SHA256',
    secret: ascii('12345678901234567890123456789012'),
  }),
  draft({
    issuer: 'Sha512',
    algorithm: 'SHA512',
    secret: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
  }),
  draft({ issuer: 'Counter', type: 'hotp', counter: 5 }),
  draft({ issuer: 'Steam', type: 'steam', digits: 5, secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI' }),
];

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A service on a throwaway vault whose clock the test moves. */
async function openService(startMs: number) {
  dir = mkdtempSync(join(tmpdir(), 'otp-desk-code-cache-'));
  const clock = { ms: startMs };
  const service = await AuthenticatorService.open(dir, new MemoryKeyStore(), {
    create: true,
    clock: () => clock.ms,
  });
  await service.addAccounts(DRAFTS);
  return { service, clock };
}

/** Codes computed from scratch with the pure-JS HMAC: what every cached answer must equal. */
function freshCodes(service: AuthenticatorService, atMs: number) {
  return service
    .accounts()
    .map((a) => ({ id: a.id, ...codeWindow(a, Math.floor(atMs / 1000), nobleHmac) }));
}

describe('the per-step code cache', () => {
  it('gives RFC 6238 codes through the keyed HMACs, the same as node:crypto and the pure-JS HMAC', () => {
    const cache = new CodeCache(nodeKeyedHmac);
    const seeds: Record<HashAlgorithm, [string, string]> = {
      SHA1: [ascii('12345678901234567890'), '94287082'],
      SHA256: [ascii('12345678901234567890123456789012'), '46119246'],
      SHA512: [
        ascii('1234567890123456789012345678901234567890123456789012345678901234'),
        '90693936',
      ],
    };
    for (const [algorithm, [secret, expected]] of Object.entries(seeds) as [
      HashAlgorithm,
      [string, string],
    ][]) {
      const account = {
        id: algorithm,
        type: 'totp' as const,
        secret,
        algorithm,
        digits: 8,
        period: 30,
        counter: 0,
      };
      expect(cache.windowFor(account, 59).code).toBe(expected);
      expect(codeWindow(account, 59, nodeHmac)).toEqual(codeWindow(account, 59, nobleHmac));
    }
  });

  it('never shows a stale code across a step boundary, a clock offset change or an HOTP advance', async () => {
    const start = 1_699_999_990_000; // 10 s into both a 30 s and a 60 s step
    const { service, clock } = await openService(start);
    const first = service.codesAt(start);
    expect(first).toEqual(freshCodes(service, start));

    // A tick within the step: same codes.
    clock.ms = start + 1000;
    expect(service.codesAt(clock.ms)).toEqual(first);

    // Step boundary of the 30 s accounts (the 60 s one keeps its code, the 30 s ones move on).
    clock.ms = start + 20_000;
    const crossed = service.codesAt(clock.ms);
    expect(crossed).toEqual(freshCodes(service, clock.ms));
    const byIssuer = (codes: typeof first, issuer: string) =>
      codes.find((c) => c.id === service.accounts().find((a) => a.issuer === issuer)!.id)!;
    expect(byIssuer(crossed, 'Thirty').code).toBe(byIssuer(first, 'Thirty').next);
    expect(byIssuer(crossed, 'Sixty').code).toBe(byIssuer(first, 'Sixty').code);

    // The user corrects the clock by +45 s: every TOTP moves to the corrected time at once.
    await service.setSetting('clockOffsetMs', 45_000);
    const shifted = service.codesAt(clock.ms);
    expect(shifted).toEqual(freshCodes(service, clock.ms + 45_000));
    expect(byIssuer(shifted, 'Sixty').code).toBe(byIssuer(first, 'Sixty').next);

    // An HOTP advance within the same second shows the next counter's code.
    const hotp = service.accounts().find((a) => a.type === 'hotp')!;
    const before = byIssuer(service.codesAt(clock.ms), 'Counter');
    await service.advanceCounter(hotp.id);
    const after = byIssuer(service.codesAt(clock.ms), 'Counter');
    expect(after.code).toBe(before.next);
    expect(service.codesAt(clock.ms)).toEqual(freshCodes(service, clock.ms + 45_000));

    // The clock set back an hour (offset back to 0, time earlier): earlier codes, not the cached ones.
    await service.setSetting('clockOffsetMs', 0);
    expect(service.codesAt(start - 3_600_000)).toEqual(freshCodes(service, start - 3_600_000));
  });

  it('recomputes when an import replaces an account key and forgets removed accounts', async () => {
    const start = 1_700_000_000_000;
    const { service } = await openService(start);
    service.codesAt(start);
    const target = service.accounts()[0]!;
    await service.applyImport(
      [],
      [{ id: target.id, draft: draft({ issuer: 'Thirty', secret: 'JBSWY3DPEHPK3PXP' }) }],
    );
    expect(service.codesAt(start)).toEqual(freshCodes(service, start));
    await service.removeAccount(target.id);
    expect(service.codesAt(start)).toEqual(freshCodes(service, start));
  });

  it('gives the codes of a createHmac per code for random accounts of every kind', () => {
    const cache = new CodeCache(nodeKeyedHmac);
    const kinds = ['totp', 'hotp', 'steam'] as const;
    const hashes: HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
    for (let i = 0; i < 300; i++) {
      const type = kinds[i % 3]!;
      const account = {
        id: `a${i}`,
        type,
        secret: encodeBase32(randomBytes([10, 20, 32, 64, 100][i % 5]!)),
        algorithm: hashes[Math.floor(i / 3) % 3]!,
        digits: type === 'steam' ? 5 : i % 2 ? 8 : 6,
        period: i % 4 ? 30 : 60,
        counter: randomInt(0, 2 ** 40),
      };
      // Steam's HMAC is SHA-1 whatever the account says: the oracle says so without codeHash.
      const oracle = { ...account, algorithm: type === 'steam' ? 'SHA1' : account.algorithm };
      // Two times per account: the second crosses a step and reuses the keyed HMAC.
      for (const at of [randomInt(0, 2 ** 32), randomInt(0, 2 ** 32)])
        expect(cache.windowFor(account, at)).toEqual({
          id: account.id,
          ...codeWindow(oracle, at, nodeHmac),
        });
    }
  });

  it('wipes the keyed HMACs on clear, on retain, and when a secret or hash changes', () => {
    const made: { algorithm: HashAlgorithm; wipes: number }[] = [];
    const spy: KeyedHmacFactory = (algorithm, key) => {
      const mac = nodeKeyedHmac(algorithm, key);
      const record = { algorithm, wipes: 0 };
      made.push(record);
      return {
        sign: (message) => mac.sign(message),
        wipe: () => {
          record.wipes++;
          mac.wipe();
        },
      };
    };
    const cache = new CodeCache(spy);
    const a = {
      id: 'a',
      type: 'totp' as const,
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
      counter: 0,
    };
    const b = { ...a, id: 'b', secret: 'GEZDGNBVGY3TQOJQ' };
    const fresh = (account: CodeSource, at: number) => ({
      id: account.id,
      ...codeWindow(account, at, nobleHmac),
    });
    cache.windowFor(a, 0);
    cache.windowFor(b, 0);
    cache.windowFor(a, 30); // a new step keeps the same keyed HMAC
    expect(made.map((m) => m.wipes)).toEqual([0, 0]);
    cache.retain(new Set(['b']));
    expect(cache.size).toBe(1);
    expect(made.map((m) => m.wipes)).toEqual([1, 0]);

    // An edit of b's secret, then of its hash: each time the old keyed HMAC goes, a new one comes.
    const b2 = { ...b, secret: 'JBSWY3DPEHPK3PXP' };
    expect(cache.windowFor(b2, 0)).toEqual(fresh(b2, 0));
    const b3 = { ...b2, algorithm: 'SHA256' as const };
    expect(cache.windowFor(b3, 0)).toEqual(fresh(b3, 0));
    expect(made.map((m) => [m.algorithm, m.wipes])).toEqual([
      ['SHA1', 1],
      ['SHA1', 1],
      ['SHA1', 1],
      ['SHA256', 0],
    ]);
    // Steam is SHA-1 whatever the account says: the SHA-256 key is not used for it.
    const b4 = { ...b3, type: 'steam' as const, digits: 5 };
    expect(cache.windowFor(b4, 0)).toEqual(fresh(b4, 0));
    expect(made.map((m) => m.wipes)).toEqual([1, 1, 1, 1, 0]);

    cache.clear();
    expect(cache.size).toBe(0);
    expect(made.every((m) => m.wipes === 1)).toBe(true);
    // After a clear the codes come back right (keys keyed again), not from wiped state.
    expect(cache.windowFor(a, 0)).toEqual(fresh(a, 0));
  });
});

/** Bytes of every length around the hash block sizes (64 for SHA-1/256, 128 for SHA-512). */
const KEY_LENGTHS = [10, 20, 32, 64, 100, 128, 200];
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the keyed HMACs of main and the CLI', () => {
  it('equal createHmac for random keys of every hash and length, call after call', () => {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      for (const length of KEY_LENGTHS) {
        for (let i = 0; i < 10; i++) {
          const key = randomBytes(length);
          const copy = Uint8Array.from(key);
          const mac = nodeKeyedHmac(algorithm, key);
          // The cache wipes its decoded key once the HMAC is keyed: the HMAC must not need it.
          key.fill(0);
          for (let j = 0; j < 4; j++) {
            const message = randomBytes(j === 3 ? randomInt(0, 300) : 8);
            expect(hex(mac.sign(message))).toBe(hex(nodeHmac(algorithm, copy, message)));
          }
          mac.wipe();
        }
      }
    }
  });

  /** What a KeyedHmac keeps, read through its private fields: noble's hash states, or a key copy. */
  interface Kept {
    states?: Record<string, HashState>;
    key?: Uint8Array;
  }
  /** noble's chaining values (A, B, … of the hash). */
  type HashState = { get(): number[] };

  it('zero what they keep on wipe, drop it, and refuse to sign after', () => {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      for (const length of [20, 100, 200]) {
        const mac = nodeKeyedHmac(algorithm, randomBytes(length));
        mac.sign(randomBytes(8));
        const kept = mac as unknown as Kept;
        const hashes = Object.values(kept.states ?? {});
        const key = kept.key;
        const state = () => [...(key ?? []), ...hashes.flatMap((h) => h.get())];
        expect(hashes.length + (key ? 1 : 0)).toBeGreaterThan(0);
        expect(state().some((x) => x !== 0)).toBe(true);
        mac.wipe();
        expect(state().every((x) => x === 0)).toBe(true);
        expect([kept.states, kept.key]).toEqual([undefined, undefined]);
        expect(() => mac.sign(randomBytes(8))).toThrow('wiped');
      }
    }
  });
});
