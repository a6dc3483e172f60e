import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID, developmentProfile, failStartup } from '../../electron/main/startup';

const root = join(__dirname, '../..');

describe('starting the app', () => {
  it('a failed start shows one readable error box and exits, so the single-instance lock is released', () => {
    const calls: string[] = [];
    const errors = console.error;
    console.error = () => undefined;
    try {
      failStartup(
        new Error('keytar could not load\n    at stack'),
        { exit: (code) => calls.push(`exit ${code}`) },
        { showErrorBox: (title, content) => calls.push(`box ${title}: ${content.split('\n')[0]}`) },
      );
    } finally {
      console.error = errors;
    }
    expect(calls).toEqual(['box OTP Desk could not start: keytar could not load', 'exit 1']);
  });

  it('main catches a throw in onReady with it', () => {
    const main = readFileSync(join(root, 'electron/main/main.ts'), 'utf8');
    expect(main).toMatch(
      /\.then\(\(\) => onReady\(\)\)\s*\.catch\(\(error: unknown\) => failStartup\(error, app, dialog\)\)/,
    );
  });

  it('a run from a checkout (npm start) uses its own profile, never the installed app’s', () => {
    expect(developmentProfile(false, {}, '/home/u/.config')).toBe(
      join('/home/u/.config', 'OTP Desk (development)'),
    );
    expect(developmentProfile(true, {}, '/home/u/.config')).toBeNull();
    expect(
      developmentProfile(false, { OTP_DESK_USER_DATA: '/tmp/p' }, '/home/u/.config'),
    ).toBeNull();
  });

  it('the Windows AppUserModelID is the appId electron-builder gives the NSIS shortcuts', () => {
    const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
    const yaml = builderRequire('js-yaml') as { load(text: string): { appId: string } };
    expect(APP_USER_MODEL_ID).toBe(
      yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).appId,
    );
    expect(readFileSync(join(root, 'electron/main/main.ts'), 'utf8')).toMatch(
      /process\.platform === 'win32'\) app\.setAppUserModelId\(APP_USER_MODEL_ID\)/,
    );
  });
});
