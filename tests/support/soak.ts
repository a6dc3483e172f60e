/**
 * Long loops run a representative slice in `npm test` and their full size under `npm run test:soak`
 * (scripts/test-soak.mjs sets OTP_DESK_SOAK=1; the GitHub workflow runs it nightly).
 */
export const SOAK = process.env['OTP_DESK_SOAK'] === '1';

/** `slice` in npm test, `full` under test:soak. */
export function soakSize(slice: number, full: number): number {
  return SOAK ? full : slice;
}
