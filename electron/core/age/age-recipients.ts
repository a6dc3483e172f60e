import { bech32 } from '@scure/base';
import type { Recipient } from 'age-encryption';
import { UserError } from '../errors';
import { SshEd25519Recipient } from './ssh-ed25519';
import { MIN_RSA_BITS, SshRsaRecipient } from './ssh-rsa';
import { decodeBase64Loose, sshFingerprint, SshWireReader } from './ssh-wire';

/** What the user sees of one recipient: its type, a fingerprint to compare, and the key's comment. */
export interface AgeRecipientSummary {
  readonly type: 'age' | 'ssh-ed25519' | 'ssh-rsa';
  /** `age1abcd…wxyz` for age keys; `SHA256:…` (as `ssh-keygen -l` prints) for SSH keys. */
  readonly fingerprint: string;
  readonly comment: string;
}

/** A recipient ready for the age-encryption Encrypter (an age1… string or our ssh-ed25519 stanza). */
export interface ParsedAgeRecipient {
  readonly summary: AgeRecipientSummary;
  readonly recipient: string | Recipient;
}

/** How the app's recipients box is named in messages ("Recipients, line 3: …"). */
export const RECIPIENTS_SOURCE = 'Recipients';

/** At most this many recipients in one export (a GitHub .keys file has a few; thousands is a mistake). */
export const MAX_AGE_RECIPIENTS = 200;

/** The start of a line, enough to find it, never a whole line (it might be a secret pasted by mistake). */
const shortLine = (line: string) => (line.length > 24 ? `${line.slice(0, 20)}…` : line);

const shortAgeKey = (key: string) => `${key.slice(0, 12)}…${key.slice(-8)}`;

function bad(where: string, message: string): UserError {
  return new UserError('invalid-input', `${where}: ${message}`);
}

function parseAgeKey(key: string, where: string): ParsedAgeRecipient {
  let decoded;
  try {
    decoded = bech32.decodeToBytes(key as `${string}1${string}`);
  } catch {
    throw bad(where, `${shortLine(key)} is not a valid age public key (a damaged or cut-off age1… key). Copy it again from age-keygen's output.`);
  }
  if (decoded.prefix !== 'age' || decoded.bytes.length !== 32) {
    throw bad(where, `${shortLine(key)} is an age plugin or post-quantum recipient, which OTP Desk can't encrypt to. Use an X25519 age key (age1…) or an ssh-ed25519 key.`);
  }
  return { summary: { type: 'age', fingerprint: shortAgeKey(key), comment: '' }, recipient: key };
}

function parseSshKey(type: string, data: string | undefined, comment: string, where: string, line: string): ParsedAgeRecipient {
  if (type !== 'ssh-rsa' && type !== 'ssh-ed25519') {
    throw bad(where, `${shortLine(line)} is an ${type} key; OTP Desk encrypts to ssh-ed25519 and ssh-rsa keys and age keys. Ask for an ed25519 key (ssh-keygen -t ed25519) or an age key (age-keygen).`);
  }
  const invalid = () => bad(where, `${shortLine(line)} is not a valid ${type} public key (damaged or cut off). Copy the whole line from the .pub file.`);
  const blob = data === undefined ? undefined : decodeBase64Loose(data);
  if (!blob) throw invalid();
  const reader = new SshWireReader(blob, invalid);
  if (reader.text() !== type) throw invalid();
  if (type === 'ssh-rsa') {
    const e = reader.string();
    const n = reader.string();
    if (!reader.done || e.length === 0) throw invalid();
    const bits = SshRsaRecipient.bits(n);
    if (bits < MIN_RSA_BITS) throw bad(where, `${shortLine(line)} is a ${bits}-bit RSA key, too small to be safe (at least ${MIN_RSA_BITS}). Ask for an ed25519 key (ssh-keygen -t ed25519) or an age key.`);
    return { summary: { type: 'ssh-rsa', fingerprint: sshFingerprint(blob), comment }, recipient: new SshRsaRecipient(blob, e.slice(), n.slice()) };
  }
  const publicKey = reader.string();
  if (publicKey.length !== 32 || !reader.done) throw invalid();
  return {
    summary: { type: 'ssh-ed25519', fingerprint: sshFingerprint(blob), comment },
    recipient: new SshEd25519Recipient(publicKey.slice()),
  };
}

/** One recipient line: `age1…`, or an OpenSSH public key line (`ssh-ed25519 AAAA… comment`). */
export function parseAgeRecipient(line: string, where: string): ParsedAgeRecipient {
  const text = line.trim();
  if (/^AGE-SECRET-KEY-|PRIVATE KEY-----/.test(text)) {
    throw bad(where, 'this is a private key, not a recipient: give the public key (age-keygen -y prints it for an age key; an SSH key has a .pub file). Keep the private key to yourself.');
  }
  if (/^age1/i.test(text)) return parseAgeKey(text.toLowerCase(), where);
  const [type = '', data, ...comment] = text.split(/\s+/);
  if (/^(ssh|ecdsa|sk)-/.test(type)) return parseSshKey(type, data, comment.join(' '), where, text);
  throw bad(where, `${shortLine(text)} is neither an age public key (age1…) nor an SSH public key (ssh-ed25519 AAAA…).`);
}

/**
 * Recipients from text as `age -R` reads a recipients file: one a line, blank lines and `#` comments
 * skipped. `source` names the text in messages (a file name, or "the recipients box").
 */
export function parseAgeRecipients(text: string, source: string): ParsedAgeRecipient[] {
  const parsed: ParsedAgeRecipient[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    parsed.push(parseAgeRecipient(trimmed, `${source}, line ${index + 1}`));
  });
  if (parsed.length > MAX_AGE_RECIPIENTS) {
    throw new UserError('invalid-input', `${source} names ${parsed.length} recipients; OTP Desk encrypts to at most ${MAX_AGE_RECIPIENTS}.`);
  }
  return parsed;
}
