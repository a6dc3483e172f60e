import { describe, expect, it } from 'vitest';
import { judgeSkips, platformNames, playwrightSkips, vitestSkips } from '../../scripts/skip-report.mjs';
import allowed from '../skips-allowed.json';

const root = '/repo';
const vitestReport = (file: string, fullName: string, status = 'skipped') => ({
  testResults: [{ name: `${root}/${file}`, assertionResults: [{ fullName, status }] }],
});

describe('npm test’s skip report', () => {
  it('documents a listed tool skip on its own OS only, and flags the same skip anywhere else', () => {
    const skips = vitestSkips(vitestReport('tests/unit/otp.test.ts', 'agrees with oathtool on random cases'), root);
    expect(judgeSkips(skips, allowed, ['darwin'])[0]!.reason).toMatch(/oathtool/);
    expect(judgeSkips(skips, allowed, ['linux'])[0]!.reason).toBeUndefined();
  });

  it('flags a skip no entry documents, and ignores passed tests', () => {
    const skipped = vitestSkips(vitestReport('tests/unit/vault.test.ts', 'keeps the previous file'), root);
    expect(judgeSkips(skipped, allowed, ['linux', 'darwin', 'win32'])).toEqual([
      { file: 'tests/unit/vault.test.ts', name: 'keeps the previous file', reason: undefined },
    ]);
    expect(vitestSkips(vitestReport('tests/unit/vault.test.ts', 'x', 'passed'), root)).toEqual([]);
  });

  it('reads Playwright’s skips with their own reason, and allows the Electron spec only where there is no binary', () => {
    const report = {
      suites: [
        {
          title: 'electron/app.spec.ts',
          specs: [],
          suites: [
            {
              title: 'the app window',
              specs: [{ title: 'opens', file: 'electron/app.spec.ts', tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'no Electron binary: x' }] }] }],
            },
          ],
        },
      ],
    };
    const skips = playwrightSkips(report);
    expect(skips).toEqual([{ file: 'tests/electron/app.spec.ts', name: 'the app window > opens', note: 'no Electron binary: x' }]);
    expect(judgeSkips(skips, allowed, ['linux'])[0]!.reason).toMatch(/Electron binary/);
    expect(judgeSkips(skips, allowed, ['darwin'])[0]!.reason).toBeUndefined();
  });

  it('names Linux without root separately, for the skips only root can avoid', () => {
    expect(platformNames('linux', 1000)).toEqual(['linux', 'linux-nonroot']);
    expect(platformNames('linux', 0)).toEqual(['linux']);
    expect(platformNames('darwin', 501)).toEqual(['darwin']);
  });
});
