import { execFileSync } from 'node:child_process';
import { createDecipheriv, scryptSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';

// This file checks the product's own scrypt cost: not the test cost tests/support/fast-scrypt.ts sets.
vi.unmock('../../electron/core/backup/backup-crypto');
import { writeAegisBackup, type BackupAccount } from '../../electron/core/backup/backup';

// Decrypts with node:crypto from docs/backup-format.md alone (no project code), so a backup
// stays readable even if OTP Desk's own reader had a matching bug.

const ACCOUNTS: readonly BackupAccount[] = [
  {
    type: 'totp',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'GitHub',
    account: 'ana',
  },
  {
    type: 'hotp',
    secret: 'MFRGGZDFMZTWQ2LK',
    algorithm: 'SHA256',
    digits: 8,
    period: 30,
    counter: 7,
    issuer: 'Bank',
    account: 'ana',
    group: 'Money',
  },
];
const PASSWORD = 'pässwörd 🔑';

interface Params {
  nonce: string;
  tag: string;
}
interface Vault {
  version: number;
  header: {
    slots: {
      type: number;
      key: string;
      key_params: Params;
      n: number;
      r: number;
      p: number;
      salt: string;
    }[];
    params: Params;
  };
  db: string;
}

function aesGcmOpen(key: Buffer, data: Buffer, params: Params): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(params.nonce, 'hex'));
  decipher.setAuthTag(Buffer.from(params.tag, 'hex'));
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

describe('an encrypted backup opens with an independent implementation of the documented format', () => {
  test('scrypt(N=2^17, r=8, p=1) password slot → master key → AES-256-GCM db', async () => {
    const vault = JSON.parse(await writeAegisBackup(ACCOUNTS, PASSWORD)) as Vault;
    expect(vault.version).toBe(1);
    const slot = vault.header.slots.find((s) => s.type === 1)!;
    expect([slot.n, slot.r, slot.p]).toEqual([131072, 8, 1]);
    expect(Buffer.from(slot.salt, 'hex')).toHaveLength(32);
    expect(Buffer.from(slot.key_params.nonce, 'hex')).toHaveLength(12);
    expect(Buffer.from(slot.key_params.tag, 'hex')).toHaveLength(16);

    const slotKey = scryptSync(Buffer.from(PASSWORD, 'utf8'), Buffer.from(slot.salt, 'hex'), 32, {
      N: 131072,
      r: 8,
      p: 1,
      maxmem: 256 << 20,
    });
    const masterKey = aesGcmOpen(slotKey, Buffer.from(slot.key, 'hex'), slot.key_params);
    expect(masterKey).toHaveLength(32);
    const content = JSON.parse(
      aesGcmOpen(masterKey, Buffer.from(vault.db, 'base64'), vault.header.params).toString('utf8'),
    ) as {
      version: number;
      entries: {
        type: string;
        name: string;
        issuer: string;
        info: Record<string, unknown>;
        groups: string[];
      }[];
      groups: { uuid: string; name: string }[];
    };
    expect(content.version).toBe(3);
    expect(content.entries.map((e) => [e.type, e.issuer, e.name, e.info])).toEqual([
      [
        'totp',
        'GitHub',
        'ana',
        { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 },
      ],
      [
        'hotp',
        'Bank',
        'ana',
        { secret: 'MFRGGZDFMZTWQ2LK', algo: 'SHA256', digits: 8, counter: 7 },
      ],
    ]);
    expect(content.groups.map((g) => g.name)).toEqual(['Money']);
    expect(content.entries[1]!.groups).toEqual([content.groups[0]!.uuid]);
  });

  test('docs/decrypt-backup.mjs prints the same content, and refuses a wrong password', async () => {
    const script = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../docs/decrypt-backup.mjs',
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'otp-desk-backup-')), 'backup.json');
    writeFileSync(file, await writeAegisBackup(ACCOUNTS, PASSWORD));
    const out = execFileSync(process.execPath, [script, file], {
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
    });
    const content = JSON.parse(out) as { entries: { info: { secret: string } }[] };
    expect(content.entries.map((e) => e.info.secret)).toEqual([
      'JBSWY3DPEHPK3PXP',
      'MFRGGZDFMZTWQ2LK',
    ]);
    expect(() =>
      execFileSync(process.execPath, [script, file, 'wrong'], { stdio: 'pipe' }),
    ).toThrow(/does not open/);
  });
});
