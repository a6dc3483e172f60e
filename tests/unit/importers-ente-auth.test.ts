import { describe, expect, it } from 'vitest';
import { readFileWith } from '../../electron/core/importers/import-reader';
import { FILE_IMPORTERS, findImporter } from '../../electron/core/importers/registry';
import { corpusSource, hasCorpusFolder } from '../support/corpus';
import { sealEnteExport } from '../support/ente-auth-export';

const source = (text: string, fileName = 'ente-auth-daily-backup-2026-12-02_10-00-00.json') => ({ fileName, bytes: new TextEncoder().encode(text) });
const plainText = () => new TextDecoder().decode(corpusSource('aegis-importers', 'ente_auth.txt').bytes);

describe.skipIf(!hasCorpusFolder('aegis-importers'))('Ente Auth encrypted export (sealed by libsodium from the corpus\'s ente_auth.txt)', () => {
  it('is detected by content and reads the same accounts as Ente\'s plain-text export', async () => {
    const sealed = source(await sealEnteExport(plainText(), 'correct horse'));
    expect(findImporter(sealed, FILE_IMPORTERS).id).toBe('ente-auth');
    expect(await readFileWith(FILE_IMPORTERS, sealed)).toEqual({ state: 'locked', format: 'Ente Auth export', guessed: false });
    const reading = await readFileWith(FILE_IMPORTERS, sealed, 'correct horse');
    const plain = await readFileWith(FILE_IMPORTERS, corpusSource('aegis-importers', 'ente_auth.txt'));
    if (reading.state !== 'read' || plain.state !== 'read') throw new Error('expected both files read');
    expect(reading.result.format).toBe('Ente Auth export (encrypted)');
    expect(reading.result.entries).toHaveLength(7);
    expect(reading.result.entries).toEqual(plain.result.entries);
  });

  it('reads lines Ente wrote as JSON strings', async () => {
    const quoted = plainText().split('\n').filter(Boolean).map((line) => JSON.stringify(line)).join('\n');
    const reading = await readFileWith(FILE_IMPORTERS, source(await sealEnteExport(quoted, 'pw')), 'pw');
    expect(reading.state === 'read' && reading.result.entries.map((e) => e.issuer)).toContain('Air Canada');
  });

  it('a wrong password or a changed byte opens nothing', async () => {
    const text = await sealEnteExport(plainText(), 'correct horse');
    await expect(readFileWith(FILE_IMPORTERS, source(text), 'wrong horse')).rejects.toMatchObject({ kind: 'wrong-password' });
    const file = JSON.parse(text) as { encryptedData: string };
    const data = Buffer.from(file.encryptedData, 'base64');
    data[data.length - 20]! ^= 1;
    await expect(readFileWith(FILE_IMPORTERS, source(JSON.stringify({ ...file, encryptedData: data.toString('base64') })), 'correct horse')).rejects.toMatchObject({ kind: 'wrong-password' });
  });

  it('refuses Argon2 work no real export asks for, before deriving', async () => {
    const file = JSON.parse(await sealEnteExport('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', 'pw')) as { kdfParams: object };
    const started = Date.now();
    const huge = JSON.stringify({ ...file, kdfParams: { ...file.kdfParams, memLimit: 1024 ** 3, opsLimit: 1000 } });
    await expect(readFileWith(FILE_IMPORTERS, source(huge), 'pw')).rejects.toMatchObject({ kind: 'integrity', message: expect.stringMatching(/damaged or was altered/) });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a file cut short says it cannot be read', async () => {
    const text = await sealEnteExport(plainText(), 'pw');
    const cut = JSON.stringify({ ...JSON.parse(text), encryptedData: 'AAAA' });
    await expect(readFileWith(FILE_IMPORTERS, source(cut), 'pw')).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});
