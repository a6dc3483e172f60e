import type { AccountDraft } from '../otp/account';
import { formatOtpauthUri } from '../otp/otpauth';
import { qrSvg } from './qr-render';

/** An account on the sheet; the group is printed when set. */
export type SheetAccount = AccountDraft & { readonly group?: string };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The key in groups of four characters, as people copy it from paper. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** "TOTP · SHA1 · 6 digits · 30 s" (or the counter for HOTP). */
export function describeSettings(a: AccountDraft): string {
  const kind = a.type === 'steam' ? 'Steam Guard' : a.type.toUpperCase();
  const timing = a.type === 'hotp' ? `counter ${a.counter}` : `${a.period} s`;
  return [kind, a.algorithm, `${a.digits} ${a.type === 'steam' ? 'characters' : 'digits'}`, timing].join(' · ');
}

const STYLE = `
  body { font-family: system-ui, sans-serif; color: #111; background: #fff; margin: 24px; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  .note { font-size: 13px; color: #444; margin: 0 0 16px; }
  .sheet { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
  .card { display: grid; grid-template-columns: 132px 1fr; gap: 12px; border: 1px solid #999; border-radius: 6px; padding: 10px; break-inside: avoid; page-break-inside: avoid; }
  .card svg { width: 132px; height: 132px; }
  .issuer { font-weight: 700; font-size: 15px; }
  .account, .settings, .group { font-size: 12px; color: #333; overflow-wrap: anywhere; }
  .key { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 14px; letter-spacing: 0.05em; margin-top: 6px; overflow-wrap: anywhere; }
  @page { margin: 12mm; }
  @media print { body { margin: 0; } .sheet { grid-template-columns: 1fr 1fr; } }
`;

async function card(a: SheetAccount): Promise<string> {
  const svg = await qrSvg(formatOtpauthUri(a));
  const rows = [
    `<div class="issuer">${escapeHtml(a.issuer || a.account || 'Unnamed account')}</div>`,
    a.issuer && a.account ? `<div class="account">${escapeHtml(a.account)}</div>` : '',
    `<div class="settings">${escapeHtml(describeSettings(a))}</div>`,
    a.group ? `<div class="group">Group: ${escapeHtml(a.group)}</div>` : '',
    `<div class="key" aria-label="Secret key">${escapeHtml(groupKey(a.secret))}</div>`,
  ];
  return `<section class="card">${svg}<div>${rows.join('')}</div></section>`;
}

/**
 * A self-contained printable page: per account a QR code (inline SVG, no external files),
 * names, OTP settings and the key in groups of four, laid out so no card splits across pages.
 */
export async function exportHtmlSheet(accounts: readonly SheetAccount[], createdAt: Date): Promise<string> {
  const cards = await Promise.all(accounts.map(card));
  const date = createdAt.toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OTP Desk paper backup ${date}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head>
<body><h1>OTP Desk paper backup</h1>
<p class="note">${date} · ${accounts.length} account${accounts.length === 1 ? '' : 's'}. Anyone holding this sheet can generate your codes: keep it locked away. To restore, scan a code with any authenticator app or type the key.</p>
<main class="sheet">${cards.join('\n')}</main></body></html>
`;
}
