import { createDecipheriv, scryptSync } from 'node:crypto';

// An independent reader of encrypted backups: node:crypto following docs/backup-format.md,
// no project code, so a backup stays readable even if OTP Desk's own reader had a matching bug.

interface GcmParams {
  readonly nonce: string;
  readonly tag: string;
}

function gcmOpen(key: Buffer, data: Buffer, params: GcmParams): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(params.nonce, 'hex'));
  decipher.setAuthTag(Buffer.from(params.tag, 'hex'));
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** Decrypts an Aegis vault file with `password`; returns the content JSON (entries, groups). */
export function decryptAegisIndependently(text: string, password: string): { entries: { issuer: string; name: string; type: string; info: Record<string, unknown>; groups: string[] }[]; groups: { uuid: string; name: string }[] } {
  const file = JSON.parse(text) as { version: number; header: { slots: { type: number; key: string; key_params: GcmParams; n: number; r: number; p: number; salt: string }[]; params: GcmParams }; db: string };
  if (file.version !== 1) throw new Error('not an Aegis vault version 1');
  for (const slot of file.header.slots.filter((s) => s.type === 1)) {
    const slotKey = scryptSync(Buffer.from(password, 'utf8'), Buffer.from(slot.salt, 'hex'), 32, { N: slot.n, r: slot.r, p: slot.p, maxmem: 256 * 1024 * 1024 });
    let masterKey: Buffer;
    try {
      masterKey = gcmOpen(slotKey, Buffer.from(slot.key, 'hex'), slot.key_params);
    } catch {
      continue;
    }
    return JSON.parse(gcmOpen(masterKey, Buffer.from(file.db, 'base64'), file.header.params).toString('utf8'));
  }
  throw new Error('no slot opens with this password');
}
