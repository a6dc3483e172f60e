import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_EXTENSION_ID, FIREFOX_EXTENSION_ID } from '../../electron/browser/extension-id';

const root = join(__dirname, '../..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Chromium's id for an unpacked extension with a `key`: SHA-256 of the public key, first 32 hex digits written a–p. */
function chromiumIdOf(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

describe('the extension manifests', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'extension'], { stdio: 'pipe' });
  });

  it('gives Chromium a constant id: the fixed key hashes to the id the host manifests allow', () => {
    const chromium = read('dist/extension/manifest.json');
    expect(chromiumIdOf(chromium['key'])).toBe(CHROMIUM_EXTENSION_ID);
    expect(chromium['browser_specific_settings']).toBeUndefined();
    expect(chromium['background']).toEqual({ service_worker: 'background.js' });
  });

  it('gives Firefox its gecko id and background scripts, and no Chromium key', () => {
    const firefox = read('dist/extension-firefox/manifest.json');
    expect(firefox['browser_specific_settings'].gecko.id).toBe(FIREFOX_EXTENSION_ID);
    expect(firefox['key']).toBeUndefined();
    expect(firefox['background']).toEqual({ scripts: ['background.js'] });
  });

  it('asks only for what fill needs: no tabs, history, cookies, host or clipboard permissions', () => {
    const manifest = read('extension/manifest.json');
    expect(manifest['manifest_version']).toBe(3);
    expect([...manifest['permissions']].sort()).toEqual(['contextMenus', 'nativeMessaging', 'storage']);
    expect(manifest['host_permissions']).toBeUndefined();
    expect(manifest['externally_connectable']).toBeUndefined();
    expect(manifest['content_scripts'][0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest['content_scripts'][0].all_frames).toBe(true);
  });

  it('fills on Ctrl+Shift+L by default (changeable in the browser)', () => {
    expect(read('extension/manifest.json')['commands']['fill-code'].suggested_key.default).toBe('Ctrl+Shift+L');
  });

  it('passes web-ext lint (the Firefox build) with no errors or warnings', () => {
    const output = execFileSync(join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', join(root, 'dist/extension-firefox'), '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    const report = JSON.parse(output) as { summary: { errors: number; warnings: number }; errors: unknown[]; warnings: unknown[] };
    expect({ errors: report.errors, warnings: report.warnings }).toEqual({ errors: [], warnings: [] });
  }, 60_000);
});
