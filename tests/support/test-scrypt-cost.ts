/**
 * electron/core/backup/backup-crypto.ts with new password keys at scrypt N=2^12 instead of the
 * product's 2^17: what the test builds (dist/cli-test, dist/bridge; scripts/build.mjs) are bundled
 * with in its place, as tests/support/fast-scrypt.ts does for vitest's own process. A derivation at
 * 2^17 costs ~0.7 CPU-s here, and the CLI's child processes and the e2e bridges made ~60 of them in
 * one `npm test`, in tests about sync, escrow, backups and the lock rather than the KDF. Every file
 * records the cost it was made with, so whatever reads it (the installed CLI, Aegis, the decrypters
 * in docs/) reads it as usual; cli-kdf-cost.test.ts checks that the installed CLI writes 2^17.
 */
export * from '../../electron/core/backup/backup-crypto';
export { TEST_SCRYPT_PARAMS as SCRYPT_PARAMS } from './test-scrypt-params';
