/** `--smoke-test --vault DIR`: what a release job runs on each OS's installed build. */
export type SmokeRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'run'; readonly vaultDir: string }
  | { readonly kind: 'usage'; readonly message: string };

/** Base32 key whose codes the smoke test prints (RFC 6238's test key, "12345678901234567890"). */
export const SMOKE_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const SMOKE_ISSUER = 'OTP Desk smoke test';

/** Reads the smoke flags from argv; `--vault` is required so the user's own vault is never touched. */
export function parseSmokeArgs(argv: readonly string[]): SmokeRequest {
  if (!argv.includes('--smoke-test')) return { kind: 'none' };
  const at = argv.findIndex((arg) => arg === '--vault' || arg.startsWith('--vault='));
  const value =
    at < 0
      ? undefined
      : argv[at]!.includes('=')
        ? argv[at]!.slice('--vault='.length)
        : argv[at + 1];
  if (!value || value.startsWith('--'))
    return {
      kind: 'usage',
      message: 'otp-desk: --smoke-test needs --vault DIR (an empty folder for a throwaway vault).',
    };
  return { kind: 'run', vaultDir: value };
}

/** The line a release job greps for: the first code the window showed. */
export function smokeResultLine(code: string): string {
  return `SMOKE_CODE=${code}`;
}

/**
 * True when the window showed the code the smoke key gives now (or one period either side, in
 * case the period rolled over between rendering and checking).
 */
export function smokeCodeMatches(shown: string, expected: readonly string[]): boolean {
  return /^\d{6,8}$/.test(shown) && expected.includes(shown);
}
