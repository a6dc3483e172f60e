import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMERA_PHOTO_URI, fiftyMegapixelPhoto } from '../fixtures/camera-photo';
import { CLI, hasKeychain, runCli, tempVault } from '../support/cli';
import { runMeasured } from '../support/measured-run';

/**
 * A 50-megapixel camera photo imports through the real CLI with the sandbox at its default 256 MB
 * cap (issue 18b2: the JavaScript decode of such a JPEG needed over 1 GB and was refused). zbarimg
 * (Debian zbar-tools, in scripts/ensure-deps.mjs) reads the same file as an independent decoder.
 */
const scratch = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? '/tmp', 'big-photo-'));

const zbarimg = (file: string) =>
  execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).trim();

describe.skipIf(!hasKeychain)('a big camera photo through the CLI (needs a keychain)', () => {
  it('camera-50mp.jpg imports its QR code, the one zbarimg reads, with the CLI under 250 MB', async () => {
    const photo = join(scratch, 'camera-50mp.jpg');
    writeFileSync(photo, await fiftyMegapixelPhoto());
    const seen = new URL(zbarimg(photo));
    expect(seen.href).toBe(CAMERA_PHOTO_URI);

    const vault = tempVault();
    const run = await runMeasured(CLI, vault, 'import', photo);
    console.log(
      `camera-50mp.jpg: exit ${run.status} in ${run.ms} ms, CLI peak ${run.peakMb.toFixed(0)} MB, sandbox child peak ${run.childPeakMb.toFixed(0)} MB`,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.peakMb).toBeLessThan(250);

    const accounts = JSON.parse(runCli(vault, 'list', '--json').stdout) as {
      issuer: string;
      account: string;
    }[];
    expect(accounts).toEqual([
      expect.objectContaining({
        issuer: seen.searchParams.get('issuer'),
        account: decodeURIComponent(seen.pathname).split(':')[1],
      }),
    ]);
    const [code] = JSON.parse(runCli(vault, 'code', '--at', '59', '--json').stdout) as {
      code: string;
    }[];
    const expected = execFileSync(
      'oathtool',
      ['--totp', '-b', seen.searchParams.get('secret')!, '-N', '@59'],
      {
        encoding: 'utf8',
      },
    ).trim();
    expect(code?.code).toBe(expected);
  }, 90_000);
});
