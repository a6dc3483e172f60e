import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';

/** 2FAS's sealed layout: base64(ciphertext + GCM tag), base64(salt), base64(iv), joined by ':'. */
function seal(key: Buffer, salt: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [data, salt, iv].map((part) => part.toString('base64')).join(':');
}

/**
 * A password-encrypted 2FAS backup (schema 4) of `services` as 2FAS writes them: PBKDF2-HMAC-SHA256
 * (10 000 rounds) and AES-256-GCM, with the "reference" text 2FAS seals to check a password.
 */
export function sealTwoFasBackup(services: readonly unknown[], password: string): string {
  const salt = randomBytes(256);
  const key = pbkdf2Sync(password, salt, 10_000, 32, 'sha256');
  return JSON.stringify({
    services: [],
    groups: [],
    updatedAt: Date.now(),
    schemaVersion: 4,
    appVersionCode: 5000009,
    appVersionName: '5.1.0',
    appOrigin: 'android',
    servicesEncrypted: seal(key, salt, JSON.stringify(services)),
    reference: seal(key, salt, 'a known text: if it opens, the password is right'),
  });
}
