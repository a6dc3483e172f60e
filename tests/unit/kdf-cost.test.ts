import { describe, expect, it } from 'vitest';
import { FILE_IMPORTERS } from '../../electron/core/importers/registry';
import { kdfNeed } from '../../electron/core/limits/kdf-cost';
import { FOLLOWED_APPS } from '../../electron/sync/followed-apps';

describe('what a KDF a file declares gets in the import sandbox', () => {
  it("Ente Auth's export (Argon2id 256 MiB × 16) needs 256 MB more and 4 GiB-passes", () => {
    const need = kdfNeed({ kind: 'argon2', memoryKiB: 256 * 1024, passes: 16 }, 'Ente Auth');
    expect(need).toEqual({ memoryMb: 256, gibPasses: 4 });
  });

  it("Aegis's scrypt (N=2^15, r=8, p=1) needs 32 MB, written and read once", () => {
    expect(kdfNeed({ kind: 'scrypt', n: 2 ** 15, r: 8, p: 1 }, 'Aegis')).toEqual({ memoryMb: 32, gibPasses: 1 / 16 });
  });

  it('the most the limits allow is bounded: 1 GiB of memory, 8 GiB-passes', () => {
    expect(kdfNeed({ kind: 'argon2', memoryKiB: 1024 * 1024, passes: 8 }, 'x')).toEqual({ memoryMb: 1024, gibPasses: 8 });
    expect(() => kdfNeed({ kind: 'argon2', memoryKiB: 1024 * 1024, passes: 9 }, 'x')).toThrow(/above the limit of 8 GiB of passes/);
    expect(() => kdfNeed({ kind: 'argon2', memoryKiB: 2 * 1024 * 1024, passes: 1 }, 'x')).toThrow(/above the limit of 1 GiB/);
    expect(() => kdfNeed({ kind: 'scrypt', n: 2 ** 21, r: 8, p: 1 }, 'x')).toThrow(/above the limit of 2\^20/);
  });

  it('a cost of another shape is refused', () => {
    expect(() => kdfNeed({ kind: 'pbkdf2', iterations: 1 }, 'x')).toThrow(/declares a key derivation OTP Desk does not know/);
    expect(() => kdfNeed({ kind: 'argon2', memoryKiB: '1024', passes: 1 }, 'x')).toThrow(/not a positive whole number/);
  });
});

describe('followed apps', () => {
  it("name importers the sandbox has (a renamed importer would leave a follow reading nothing)", () => {
    const ids = FILE_IMPORTERS.map((i) => i.id);
    for (const app of FOLLOWED_APPS) for (const id of app.importerIds) expect(ids, app.name).toContain(id);
  });
});
