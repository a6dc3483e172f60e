import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../electron/core/otp/account';
import { isUserError } from '../../electron/core/errors';
import { awsSeedImporter } from '../../electron/core/importers/aws-seed';
import { uriListImporter, readUriListText } from '../../electron/core/importers/uri-list';
import { generateCode } from '../../electron/core/otp/otp';
import { corpusSource, hasCorpusFolder, readExpected } from '../support/corpus';

const text = (s: string, fileName = 'links.txt') => ({
  fileName,
  bytes: new TextEncoder().encode(s),
});

function comparable(d: AccountDraft) {
  return {
    type: d.type,
    issuer: d.issuer,
    name: d.account,
    secret: d.secret,
    algorithm: d.algorithm,
    digits: d.digits,
    ...(d.type === 'hotp' ? { counter: d.counter } : { period: d.period }),
  };
}

describe.skipIf(!hasCorpusFolder('aegis-importers'))(
  'otpauth link lists from other apps (shared corpus)',
  () => {
    const files = readExpected('aegis-importers');

    it.each(['ente_auth.txt', 'plain.txt'])('%s imports every expected entry', async (file) => {
      const source = corpusSource('aegis-importers', file);
      expect(uriListImporter.matches(source)).toBe(true);
      const result = await uriListImporter.read(source);
      expect(result.issues).toEqual([]);
      const expected = files[file]!.entries.map(({ index: _index, ...vector }) => vector);
      expect(result.entries.map(comparable)).toEqual(expected);
    });

    it.each(['bitwarden.csv', 'bitwarden.json', 'aegis_plain.json', '2fas_authenticator.json'])(
      'does not claim %s, which only contains otpauth links inside another format',
      (file) => {
        expect(uriListImporter.matches(corpusSource('aegis-importers', file))).toBe(false);
      },
    );
  },
);

describe('otpauth link list', () => {
  const good = 'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';

  it('skips comments and blank lines and tolerates a junk prefix before a link', async () => {
    const source = text(
      `# my accounts\n\n  ${good}  \nQR-Code:${good.replace('octocat', 'hubot')}\n`,
    );
    expect(uriListImporter.matches(source)).toBe(true);
    const result = await uriListImporter.read(source);
    expect(result.entries.map((e) => e.account)).toEqual(['octocat', 'hubot']);
    expect(result.issues).toEqual([]);
  });

  it('a bad line becomes an issue naming the line; the others import', () => {
    const result = readUriListText(
      `${good}\notpauth://totp/Bad?secret=NOT-BASE32-0189\nhello there`,
    );
    expect(result.entries).toHaveLength(1);
    expect(result.issues.map((i) => i.where)).toEqual(['line 2', 'line 3']);
    expect(result.issues[1]!.message).toContain('text "hello there"');
    expect(JSON.stringify(result.issues)).not.toContain('NOT-BASE32');
  });

  it('when no line imports, the error says why', () => {
    let caught: unknown;
    try {
      readUriListText('otpauth://totp/X?secret=JBSWY3DPEHPK3PXP&algorithm=MD5');
    } catch (error) {
      caught = error;
    }
    expect(isUserError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/^Nothing was imported\. line 1: .*MD5/);
  });

  it('does not claim binary files', () => {
    expect(
      uriListImporter.matches({ fileName: 'x.bin', bytes: Uint8Array.from([0, 1, 2, 0x6f, 0x74]) }),
    ).toBe(false);
  });
});

describe('AWS Base32StringSeed file', () => {
  // 64 base32 characters, like the file the AWS console downloads (a made-up key).
  const seed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('imports the key as an AWS account whose name the caller asks for', async () => {
    const source = text(`${seed}\n`, 'Base32StringSeed.txt');
    expect(awsSeedImporter.matches(source)).toBe(true);
    const result = await awsSeedImporter.read(source);
    expect(result.entries).toEqual([
      {
        type: 'totp',
        secret: seed,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        issuer: 'AWS',
        account: '',
      },
    ]);
    expect(generateCode(result.entries[0]!, 59)).toMatch(/^\d{6}$/);
  });

  it.each([
    ['a shorter key', 'JBSWY3DPEHPK3PXP', true],
    ['lower case', seed.toLowerCase(), true],
    ['a too short key', 'JBSWY3DPEHPK', false],
    ['a sentence', 'hello world this is text', false],
    ['an otpauth link', 'otpauth://totp/X?secret=JBSWY3DPEHPK3PXP', false],
    ['an impossible base32 length', 'JBSWY3DPEHPK3PXPJ', false],
    ['two keys', `${seed}\n${seed}`, false],
  ])('%s: matches is %s', (_name, content, expected) => {
    expect(awsSeedImporter.matches(text(content))).toBe(expected);
  });
});
