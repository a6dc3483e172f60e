import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { decodeMigrationPayload } from '../../../electron/core/migration/migration-protobuf';
import { formatMigrationUris, parseMigrationUri } from '../../../electron/core/migration/migration';
import { parseOtpauthUri } from '../../../electron/core/otp/otpauth';
import { CORPUS, hasCorpus } from '../../support/corpus';
import {
  ACCOUNT,
  fuzzOnlyUserErrors,
  fuzzTestTimeout,
  mutatedBytes,
  mutatedText,
} from '../../support/fuzz';
import { transferLinkWithBatchSize } from '../../support/hostile-inputs';

// Links come from QR codes and pastes: any text must give an account or a UserError.
const OTPAUTH_SEEDS = [
  'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
  'otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&counter=42&digits=8&algorithm=SHA256',
  'otpauth://totp/ACME%20Co:carol?secret=KRSXG5CTMVRXEZLU&period=60&algorithm=SHA512&digits=7',
  'otpauth://steam/Steam:dave?secret=MFRGGZDFMZTWQ2LK&issuer=Steam',
];

const drafts = [
  ACCOUNT,
  {
    type: 'hotp',
    secret: 'GEZDGNBVGY3TQOJQ',
    algorithm: 'SHA256',
    digits: 8,
    period: 30,
    counter: 7,
    issuer: 'Bank',
    account: 'bob',
  },
] as const;
const corpusLinks = hasCorpus
  ? readFileSync(join(CORPUS, 'google-migration/example_export.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('otpauth-migration://'))
  : [];
const MIGRATION_SEEDS = [
  ...formatMigrationUris(drafts).uris,
  ...corpusLinks,
  transferLinkWithBatchSize(3),
];
const payloadOf = (uri: string) =>
  new Uint8Array(Buffer.from(decodeURIComponent(uri.split('data=')[1]!), 'base64'));

describe('fuzz: links', () => {
  it('otpauth parser', { timeout: fuzzTestTimeout(2) }, async () => {
    await fuzzOnlyUserErrors(mutatedText(OTPAUTH_SEEDS), parseOtpauthUri);
  });

  it('Google transfer links (parseMigrationUri)', { timeout: fuzzTestTimeout(2) }, async () => {
    await fuzzOnlyUserErrors(mutatedText(MIGRATION_SEEDS), parseMigrationUri);
  });

  it(
    'protobuf reader (decodeMigrationPayload) on mutated payload bytes',
    { timeout: fuzzTestTimeout(2) },
    async () => {
      await fuzzOnlyUserErrors(
        mutatedBytes(MIGRATION_SEEDS.map(payloadOf), 1024),
        decodeMigrationPayload,
      );
    },
  );

  it(
    'a mutated payload wrapped back into a link parses or gives a UserError',
    { timeout: fuzzTestTimeout(2) },
    async () => {
      const link = mutatedBytes(MIGRATION_SEEDS.map(payloadOf), 1024).map(
        (bytes) =>
          `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`,
      );
      await fuzzOnlyUserErrors(link, parseMigrationUri);
    },
  );
});
