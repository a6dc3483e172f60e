import { malformedFile, passwordRequired, wrongPassword } from '../format/import-errors';
import type { Importer, ImportSource } from '../format/importer';
import { asRecord, decodeUtf8, numberField, parseJsonBytes, parseJsonText, textField, type JsonRecord } from '../format/json-fields';
import { fromBase64 } from './cipher';
import { deriveEnteKey, pullSecretStreamMessage } from './ente-auth-crypto';
import { uriListImporter } from './uri-list';

const LABEL = 'Ente Auth export';

/** `{version, kdfParams: {memLimit, opsLimit, salt}, encryptedData, encryptionNonce}`, as Ente Auth writes it. */
function exportOf(source: ImportSource): JsonRecord | undefined {
  const json = asRecord(parseJsonBytes(source.bytes));
  return json && asRecord(json.kdfParams) && typeof json.encryptedData === 'string' && typeof json.encryptionNonce === 'string' ? json : undefined;
}

function sealedParts(file: JsonRecord) {
  const kdf = asRecord(file.kdfParams);
  const memLimit = Number(numberField(kdf, 'memLimit'));
  const opsLimit = Number(numberField(kdf, 'opsLimit'));
  const salt = fromBase64(textField(kdf, 'salt') ?? '');
  const header = fromBase64(textField(file, 'encryptionNonce') ?? '');
  const data = fromBase64(textField(file, 'encryptedData') ?? '');
  if (file.version !== 1) throw malformedFile(LABEL, `it is version ${String(file.version)}, and OTP Desk reads version 1; update OTP Desk`);
  if (!salt || salt.length !== 16 || !header || header.length !== 24 || !data || data.length < 17) throw malformedFile(LABEL, 'the encrypted part is not in the expected format');
  return { kdf: { memLimit, opsLimit, salt }, header, data };
}

/** Some Ente versions write a line as a JSON string ("otpauth://…"); its own backup code unquotes them too. */
function unquoteLines(plain: Uint8Array): Uint8Array {
  const lines = decodeUtf8(plain).split('\n').map((line) => {
    const trimmed = line.trim();
    if (!(trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"'))) return line;
    const value = parseJsonText(trimmed);
    return typeof value === 'string' ? value : line;
  });
  return new TextEncoder().encode(lines.join('\n'));
}

/**
 * Ente Auth's encrypted export and its automatic backups (ente-auth-daily-backup-….json): otpauth
 * links, one a line, sealed with the password. Decrypted, they are read as Ente's plain-text export is.
 */
export const enteAuthImporter: Importer = {
  id: 'ente-auth',
  label: LABEL,
  matches: (source) => exportOf(source) !== undefined,
  isEncrypted: () => true,
  async read(source, password) {
    const file = exportOf(source);
    if (!file) throw malformedFile(LABEL, 'it is not an Ente Auth export');
    const parts = sealedParts(file);
    if (!password) throw passwordRequired(LABEL);
    const key = await deriveEnteKey(password, parts.kdf);
    const plain = pullSecretStreamMessage(key, parts.header, parts.data);
    // Poly1305 can't tell a wrong password from a changed byte; the password is by far the likelier cause.
    if (!plain) throw wrongPassword();
    const result = await uriListImporter.read({ fileName: source.fileName, bytes: unquoteLines(plain) });
    return { ...result, format: 'Ente Auth export (encrypted)' };
  },
};
