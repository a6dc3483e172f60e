import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { decodeMigrationPayload } from '../../../electron/core/migration/migration-protobuf';
import { formatMigrationUris, parseMigrationUri } from '../../../electron/core/migration/migration';
import { parseOtpauthUri } from '../../../electron/core/otp/otpauth';
import { CORPUS, hasCorpus } from '../../support/corpus';
import {
  fuzzParameters,
  fuzzTestTimeout,
  mutatedBytes,
  mutatedText,
  onlyUserErrors,
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
  {
    type: 'totp',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    issuer: 'Example',
    account: 'alice',
  },
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
    await fc.assert(
      fc.asyncProperty(mutatedText(OTPAUTH_SEEDS), (text) =>
        onlyUserErrors(() => parseOtpauthUri(text)),
      ),
      fuzzParameters(),
    );
  });

  it('Google transfer links (parseMigrationUri)', { timeout: fuzzTestTimeout(2) }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(MIGRATION_SEEDS), (text) =>
        onlyUserErrors(() => parseMigrationUri(text)),
      ),
      fuzzParameters(),
    );
  });

  it(
    'protobuf reader (decodeMigrationPayload) on mutated payload bytes',
    { timeout: fuzzTestTimeout(2) },
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedBytes(MIGRATION_SEEDS.map(payloadOf), 1024), (bytes) =>
          onlyUserErrors(() => decodeMigrationPayload(bytes)),
        ),
        fuzzParameters(),
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
      await fc.assert(
        fc.asyncProperty(link, (text) => onlyUserErrors(() => parseMigrationUri(text))),
        fuzzParameters(),
      );
    },
  );
});
