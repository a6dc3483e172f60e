/** What a decoded QR text is, as far as importing accounts is concerned. */
export type QrTextKind = 'otpauth' | 'otpauth-migration' | 'other';

/** A decoded text's kind plus a short description that is safe to show (never a secret). */
export interface QrTextClass {
  readonly kind: QrTextKind;
  readonly description: string;
}

/** Characters of plain text shown before it is cut with '…'. */
const SHOWN_CHARS = 16;

/**
 * Says what a QR code held, e.g. `a web link (https://example.com/…)` or
 * `text "NOT A otpauth-mi…"`, for messages like "The QR code holds X, not an account".
 * Anything that could be a key or a password (Wi-Fi codes, long key-like runs, query strings)
 * is described, never quoted.
 */
export function classifyQrText(text: string): QrTextClass {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (lower.startsWith('otpauth://'))
    return { kind: 'otpauth', description: 'an otpauth account link' };
  if (lower.startsWith('otpauth-migration://'))
    return { kind: 'otpauth-migration', description: 'a Google Authenticator transfer code' };
  return { kind: 'other', description: describeOther(trimmed, lower) };
}

function describeOther(text: string, lower: string): string {
  if (text.length === 0) return 'nothing (an empty QR code)';
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return `binary data (${text.length} bytes)`;
  if (/^https?:\/\//.test(lower)) return `a web link (${webOrigin(text)})`;
  if (lower.startsWith('wifi:')) return 'Wi-Fi network settings';
  if (lower.startsWith('begin:vcard') || lower.startsWith('mecard:')) return 'a contact card';
  if (lower.startsWith('begin:vevent') || lower.startsWith('begin:vcalendar'))
    return 'a calendar event';
  if (lower.startsWith('mailto:') || lower.startsWith('matmsg:')) return 'an email address';
  if (lower.startsWith('tel:') || lower.startsWith('sms:') || lower.startsWith('smsto:'))
    return 'a phone number';
  if (looksLikeBase32Key(text)) {
    return 'what looks like a bare secret key (not shown); add it with "Add key" instead';
  }
  const scheme = /^([a-z][a-z0-9+.-]{1,20}):\S/.exec(lower);
  if (scheme) return `a "${scheme[1]}:" link`;
  if (hasKeyLikeRun(text.slice(0, SHOWN_CHARS + 16))) return `text of ${text.length} characters`;
  const shown = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
  return `text "${shown.replace(/\s+/g, ' ')}"`;
}

/**
 * A run of 12+ characters that could be a key or token (upper-case base32, or letters mixed with
 * digits as in hex/base64) near the start: such text is described, never quoted.
 */
function hasKeyLikeRun(text: string): boolean {
  return (text.match(/[A-Za-z0-9+/=_]{12,}/g) ?? []).some(
    (run) => /^[A-Z2-7=]+$/.test(run) || (/[0-9]/.test(run) && /[A-Za-z]/.test(run)),
  );
}

/** `JBSWY3DPEHPK3PXP` or `jbsw y3dp ehpk 3pxp`: a key as services display it. */
function looksLikeBase32Key(text: string): boolean {
  const compact = text.replace(/[\s-]/g, '');
  const groupedInFours =
    text.split(/[\s-]+/).every((group) => group.length === 4) || !/[\s-]/.test(text);
  return compact.length >= 16 && /^[A-Z2-7]+=*$/i.test(compact) && groupedInFours;
}

/** `https://example.com/…`: the origin only, since paths and queries may carry tokens. */
function webOrigin(text: string): string {
  try {
    const url = new URL(text);
    const rest = text.length > url.origin.length + 1 ? '/…' : '';
    return `${url.origin}${rest}`;
  } catch {
    return 'unreadable address';
  }
}
