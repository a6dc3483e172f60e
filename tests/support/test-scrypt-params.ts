/**
 * The scrypt cost of new password keys in tests: N=2^12 instead of the product's 2^17. One value for
 * vitest's own process (fast-scrypt.ts, and the files whose own mock replaces it) and for the test
 * builds of the CLI and bridge (test-scrypt-cost.ts).
 */
export const TEST_SCRYPT_PARAMS = { n: 2 ** 12, r: 8, p: 1 } as const;
