import type { SeedAccount } from './seed';

/**
 * RFC 6238 Appendix B: the SHA1 key "12345678901234567890" (base32 below) gives 07081804 at
 * unix time 1111111109 and 14050471 at 1111111111, one 30 s step later; the 6-digit codes
 * are their last six digits. Independent truth for the codes the UI shows.
 */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const RFC_TIME_MS = 1_111_111_109_000;
export const RFC_CODE = '07081804';
export const RFC_NEXT = '14050471';

/** A small vault: the RFC account (8 digits) plus a few others with groups. */
export const SMALL_VAULT: readonly SeedAccount[] = [
  { issuer: 'RFC', account: 'vector@example.com', secret: RFC_SECRET, digits: 8 },
  { issuer: 'GitHub', account: 'octocat', secret: 'JBSWY3DPEHPK3PXP', group: 'Work' },
  { issuer: 'Google', account: 'alice@gmail.com', secret: 'KRSXG5CTMVRXEZLU', group: 'Personal' },
  {
    issuer: 'Dropbox',
    account: 'alice@example.com',
    secret: 'MFRGGZDFMZTWQ2LK',
    group: 'Personal',
  },
  {
    issuer: 'Amazon Web Services',
    account: 'root@acme',
    secret: 'GEZDGNBVGY3TQOJQ',
    group: 'Work',
  },
];

/** How the UI groups an 8-digit code: `0708 1804`. */
export const grouped = (code: string) =>
  code.length === 8
    ? `${code.slice(0, 4)} ${code.slice(4)}`
    : `${code.slice(0, 3)} ${code.slice(3)}`;
