#!/usr/bin/env node
// Decrypts an OTP Desk (or Aegis) encrypted backup with nothing but Node's crypto, following
// docs/backup-format.md, and prints the vault content JSON. It exists so you can always get your
// secrets back without OTP Desk. Usage: node decrypt-backup.mjs BACKUP.json [PASSWORD]
// (without PASSWORD it is read from stdin, so it stays out of your shell history).
import { createDecipheriv, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';

function gcmDecrypt(key, ciphertext, { nonce, tag }) {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'hex'));
  decipher.setAuthTag(Buffer.from(tag, 'hex'));
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

const [file, passwordArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node decrypt-backup.mjs BACKUP.json [PASSWORD]');
  process.exit(2);
}
const vault = JSON.parse(readFileSync(file, 'utf8'));
if (vault.header.slots === null) {
  console.log(JSON.stringify(vault.db, null, 4)); // a plain backup: nothing to decrypt
  process.exit(0);
}
const password = passwordArg ?? readFileSync(0, 'utf8').replace(/\r?\n$/, '');

let masterKey;
for (const slot of vault.header.slots.filter((s) => s.type === 1)) {
  const slotKey = scryptSync(Buffer.from(password, 'utf8'), Buffer.from(slot.salt, 'hex'), 32, {
    N: slot.n,
    r: slot.r,
    p: slot.p,
    maxmem: 256 * slot.n * slot.r,
  });
  try {
    masterKey = gcmDecrypt(slotKey, Buffer.from(slot.key, 'hex'), slot.key_params);
    break;
  } catch {
    // wrong password for this slot; try the next one
  }
}
if (!masterKey) {
  console.error('decrypt-backup: the password does not open any password slot');
  process.exit(1);
}
const content = gcmDecrypt(masterKey, Buffer.from(vault.db, 'base64'), vault.header.params);
console.log(JSON.stringify(JSON.parse(content.toString('utf8')), null, 4));
