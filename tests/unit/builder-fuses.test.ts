import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const require = createRequire(join(root, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

describe('the packaged binary', () => {
  it('flips every fuse that hardens Electron', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      // Not a fuse: re-signs macOS ad hoc after the fuses rewrite Electron Framework.
      resetAdHocDarwinSignature: true,
    });
  });

  it('uses only fuse names electron-builder knows (a typo would silently leave a fuse as it was)', () => {
    const scheme = JSON.parse(
      readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: Record<string, { properties: Record<string, unknown> }> };
    const known = Object.keys(scheme.definitions['FuseOptionsV1']!.properties);
    for (const name of Object.keys(config['electronFuses'] as object))
      expect(known).toContain(name);
  });

  it('packs the app into app.asar (the fuses load only from it) and ships no test bridge', () => {
    expect(config['asar']).not.toBe(false);
    expect(config['files']).toEqual(
      expect.arrayContaining(['!dist/bridge/**', '!dist/renderer-bridge/**']),
    );
  });
});
