import { vi } from 'vitest';

/**
 * In this process, keys made from a password cost scrypt N=2^12 instead of the product's 2^17:
 * a run of `npm test` made 157 derivations at 2^17, ~100 CPU-s of vitest's ~330 (measured with a
 * hook on node:crypto's scrypt), nearly all of them in tests about something else (app lock, sync,
 * backups). Every file records the cost it was made with, so whatever reads it — this code, the CLI,
 * docs/decrypt-backup.mjs, an independent Aegis decrypter — reads it as usual. The CLI and bridge
 * the tests start are built the same way (tests/support/test-scrypt-cost.ts). The product's own
 * cost is what vault-crypto-hardening.test.ts and backup-independent.test.ts check (they
 * `vi.unmock` this module), and cli-kdf-cost.test.ts in the installed CLI.
 */
vi.mock('../../electron/core/backup/backup-crypto', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../electron/core/backup/backup-crypto')>()),
  SCRYPT_PARAMS: (await import('./test-scrypt-params')).TEST_SCRYPT_PARAMS,
}));
