import { describe, expect, it } from 'vitest';
import { readAegisBackup, writeAegisBackup } from '../../electron/core/backup/backup';
import {
  checkArgon2Memory,
  checkPbkdf2Iterations,
  checkScryptCost,
} from '../../electron/core/limits/kdf-limits';
import { readSharedPreferences } from '../../electron/core/importers/android-prefs';
import { derivePbkdf2 } from '../../electron/core/importers/cipher';
import { parseMigrationUri } from '../../electron/core/migration/migration';
import { parseOtpauthUri } from '../../electron/core/otp/otpauth';
import { transferLinkWithBatchSize } from '../support/hostile-inputs';

const text = (value: string) => new TextEncoder().encode(value);

describe('Google transfer batch fields are checked before anything is built from them', () => {
  it('refuses a batch size above 1000 (2^31−1 used to exhaust the heap)', () => {
    expect(() => parseMigrationUri(transferLinkWithBatchSize(2 ** 31 - 1))).toThrow(
      /one of 2147483647 codes; a transfer has at most 1000/,
    );
    expect(() => parseMigrationUri(transferLinkWithBatchSize(1001))).toThrow(/at most 1000/);
  });

  it('accepts sizes up to 1000 and the unset 0', () => {
    expect(parseMigrationUri(transferLinkWithBatchSize(1000)).batch.size).toBe(1000);
    expect(parseMigrationUri(transferLinkWithBatchSize(0)).batch.size).toBe(1);
  });

  it('refuses links longer than 4 KB, naming the limit', () => {
    const long = `otpauth://totp/A?secret=JBSWY3DPEHPK3PXP&x=${'a'.repeat(5000)}`;
    expect(() => parseOtpauthUri(long)).toThrow(
      /above the 4096 \(4 KB\) OTP Desk reads from one otpauth link/,
    );
    expect(() => parseMigrationUri(`otpauth-migration://offline?data=${'A'.repeat(5000)}`)).toThrow(
      /4 KB/,
    );
  });
});

describe('SharedPreferences tokenizer', () => {
  it('reads strings, typed values, empty tags and entities as the regex did', () => {
    const prefs = readSharedPreferences(
      text(
        `<?xml version='1.0'?>\n<map>\n  <string name="a&amp;b">x &lt;y&gt; &#10;z</string>\n  <int name="n" value="42" />\n  <boolean name="b" value="true"/>\n  <string name="empty" />\n  <string name="multi">line1\nline2</string>\n</map>\n`,
      ),
    );
    expect(Object.fromEntries(prefs)).toEqual({
      'a&b': 'x <y> \nz',
      n: '42',
      b: 'true',
      empty: '',
      multi: 'line1\nline2',
    });
  });

  it('reads 1 MB of unclosed <string> tags (quadratic before) and still finds a later closed int', () => {
    const body = '<string name="a">x'.repeat(60_000);
    const prefs = readSharedPreferences(text(`<map>${body}<int name="n" value="1"/></map>`));
    expect(prefs.get('n')).toBe('1');
    expect(prefs.has('a')).toBe(false);
  });
});

describe('KDF parameters read from files are capped before use', () => {
  it('scrypt: N ≤ 2^20 and a power of two, r·p ≤ 32', () => {
    expect(() => checkScryptCost({ n: 2 ** 15, r: 8, p: 1 }, 'Aegis vault')).not.toThrow();
    expect(() => checkScryptCost({ n: 2 ** 20, r: 8, p: 4 }, 'Aegis vault')).not.toThrow();
    expect(() => checkScryptCost({ n: 2 ** 20, r: 16, p: 1 }, 'Aegis vault')).toThrow(
      /needs 2 GiB of memory, above the limit of 1 GiB/,
    );
    expect(() => checkScryptCost({ n: 2 ** 21, r: 8, p: 1 }, 'Aegis vault')).toThrow(
      /scrypt N=2097152, above the limit of 2\^20/,
    );
    expect(() => checkScryptCost({ n: 2 ** 15, r: 8, p: 5 }, 'Aegis vault')).toThrow(
      /r·p=40, above the limit of 32/,
    );
    expect(() => checkScryptCost({ n: 1000, r: 8, p: 1 }, 'Aegis vault')).toThrow(/power of two/);
  });

  it('PBKDF2 ≤ 10^7 iterations and Argon2 ≤ 1 GiB', async () => {
    expect(() => checkPbkdf2Iterations(10_000_000, 'x')).not.toThrow();
    expect(() => checkPbkdf2Iterations(10_000_001, 'x')).toThrow(/above the limit of 10\^7/);
    await expect(derivePbkdf2('pw', new Uint8Array(8), 2 ** 31, 'sha1')).rejects.toThrow(
      /PBKDF2 iterations, above the limit/,
    );
    expect(() => checkArgon2Memory(1024 * 1024, 'x')).not.toThrow();
    expect(() => checkArgon2Memory(4 * 1024 * 1024, 'x')).toThrow(
      /4096 MiB of Argon2 memory, above the limit of 1 GiB/,
    );
  });

  it('an Aegis vault whose slot asks for scrypt N=2^30 is refused as damaged, without running scrypt', async () => {
    const file = JSON.parse(await writeAegisBackup([], 'pw')) as {
      header: { slots: { n: number }[] };
    };
    file.header.slots[0]!.n = 2 ** 30;
    await expect(readAegisBackup(JSON.stringify(file), 'pw')).rejects.toMatchObject({
      kind: 'integrity',
      message: expect.stringMatching(/scrypt N=1073741824, above the limit/),
    });
  });
});
