import { randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import { NODE_IMPORTERS } from '../../electron/adapters/node-importers.node';
import { encodeBase32 } from '../../electron/core/otp/base32';
import { inProcessReader } from '../../electron/core/importers/import-reader';
import { decodeMigrationPayload } from '../../electron/core/migration/migration-protobuf';
import { formatMigrationUris } from '../../electron/core/migration/migration';
import { extractZipEntry, listZipEntries } from '../../electron/core/importers/zip-reader';
import { ImportSandbox } from '../../electron/sandbox/import-sandbox.node';
import { medianMs } from './vault-bench';

const ACCOUNTS = 100;

function linkList(): Uint8Array {
  const lines = Array.from(
    { length: ACCOUNTS },
    (_, i) =>
      `otpauth://totp/Service%20${i}:user${i}?secret=${encodeBase32(randomBytes(20))}&issuer=Service%20${i}`,
  );
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/**
 * What the import sandbox costs: one file of 100 otpauth links read in the worker vs in process
 * (and the first read, which starts the child process), plus the readers that replaced ours (fflate,
 * @bufbuild/protobuf) against the cost of reading the same bytes as text, all measured in this run.
 */
export async function runImportBench(): Promise<string> {
  const bytes = linkList();
  const source = { fileName: 'links.txt', bytes };
  const inProcess = inProcessReader(NODE_IMPORTERS);
  const sandbox = new ImportSandbox();
  const coldStart = performance.now();
  await sandbox.readFile(source);
  const cold = performance.now() - coldStart;
  const sandboxed = await medianMs(30, () => sandbox.readFile(source));
  const direct = await medianMs(30, () => inProcess.readFile(source));
  await sandbox.close();

  const drafts = new TextDecoder()
    .decode(bytes)
    .trim()
    .split('\n')
    .slice(0, 10)
    .map(
      (_, i) =>
        ({
          type: 'totp',
          secret: encodeBase32(randomBytes(20)),
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          issuer: `S${i}`,
          account: `u${i}`,
        }) as const,
    );
  const payload = Buffer.from(
    decodeURIComponent(formatMigrationUris(drafts).uris[0]!.split('data=')[1]!),
    'base64',
  );
  const protobuf = await medianMs(2000, () => decodeMigrationPayload(payload));
  const zip = zipSync({ 'Accounts.txt': bytes });
  const [entry] = listZipEntries(zip)!;
  const unzip = await medianMs(200, () => extractZipEntry(zip, entry!, 'zip'));
  const text = await medianMs(200, () => new TextDecoder().decode(bytes).split('\n'));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  return [
    `Import sandbox (${ACCOUNTS}-link file): ${sandboxed.toFixed(2)} ms in the child process vs ${direct.toFixed(2)} ms in process (${ratio(sandboxed, direct)}); first read incl. child start ${cold.toFixed(0)} ms`,
    `Readers: @bufbuild/protobuf decodes a 10-account transfer payload in ${(protobuf * 1000).toFixed(1)} µs; fflate unzips the ${bytes.length}-byte list in ${(unzip * 1000).toFixed(0)} µs (${ratio(unzip, text)} the time to split the same bytes as text)`,
  ].join('\n');
}
