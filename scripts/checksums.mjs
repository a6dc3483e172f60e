#!/usr/bin/env node
// Writes SHA256SUMS for release artifacts, in the format `sha256sum -c` and `shasum -a 256 -c`
// read:  node scripts/checksums.mjs DIR [OUT]   (OUT defaults to DIR/SHA256SUMS.txt)
// Plain Node so the release job runs it the same way on Linux, macOS and Windows.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What users download: installers and images, not builder metadata or unpacked folders. */
export const ARTIFACT = /\.(AppImage|deb|dmg|exe|zip|tar\.gz)$/;

async function sha256(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/** `HASH  NAME` lines, sorted by name, for every artifact directly in `dir`. */
export async function checksumLines(dir) {
  const names = readdirSync(dir)
    .filter((name) => ARTIFACT.test(name) && statSync(join(dir, name)).isFile())
    .sort();
  return Promise.all(
    names.map(async (name) => `${await sha256(join(dir, name))}  ${basename(name)}`),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, out] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/checksums.mjs DIR [OUT]');
    process.exit(2);
  }
  const lines = await checksumLines(dir);
  if (lines.length === 0) {
    console.error(`otp-desk: no installers in ${dir}; build them first (npm run dist).`);
    process.exit(1);
  }
  writeFileSync(out ?? join(dir, 'SHA256SUMS.txt'), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}
