import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { authenticatorPlusImporter } from '../../electron/core/importers/authenticator-plus';

/** A minimal unencrypted, stored (uncompressed) zip with one file, laid out per APPNOTE.TXT. */
function storedZip(name: string, content: string): Uint8Array {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(content);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

describe('Authenticator Plus zip', () => {
  it('imports a backup that was zipped without a password, without asking for one', async () => {
    const source = { fileName: 'backup.zip', bytes: storedZip('Accounts.txt', `${URI}\n`) };
    expect(authenticatorPlusImporter.matches(source)).toBe(true);
    expect(authenticatorPlusImporter.isEncrypted(source)).toBe(false);
    const { entries, issues } = await authenticatorPlusImporter.read(source);
    expect(issues).toEqual([]);
    expect(entries).toEqual([expect.objectContaining({ issuer: 'Example', account: 'alice' })]);
  });

  it('leaves zips without Accounts.txt to other importers', () => {
    const source = { fileName: 'backup.zip', bytes: storedZip('notes.txt', URI) };
    expect(authenticatorPlusImporter.matches(source)).toBe(false);
  });

  it('reports a changed byte in the contents as damage, since the checksum no longer matches', async () => {
    const bytes = storedZip('Accounts.txt', `${URI}\n`);
    const at = 30 + 'Accounts.txt'.length + 20;
    bytes[at] = bytes[at]! ^ 0x01;
    await expect(
      authenticatorPlusImporter.read({ fileName: 'backup.zip', bytes }),
    ).rejects.toMatchObject({
      kind: 'integrity',
    });
  });
});
