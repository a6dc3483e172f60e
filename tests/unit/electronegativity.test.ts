import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const require = createRequire(join(root, 'package.json'));

/** One finding of electronegativity's CSV report. */
interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly file: string;
  readonly location: string;
}

function parseCsv(text: string): Finding[] {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => {
      const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1] ?? '');
      return { check: cells[0]!, severity: cells[1]!, file: cells[3]!, location: cells[4]! };
    });
}

/**
 * Doyensec's electronegativity over electron/ and renderer/ together (copied side by side, so its
 * global checks see main's navigation and permission handlers and the renderer's CSP at once).
 * Low-severity findings are allowed; anything above fails with where it fires.
 */
describe('electronegativity', () => {
  it('finds nothing above low severity in electron/ and renderer/', { timeout: 180_000 }, () => {
    const work = mkdtempSync(
      join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'electronegativity-'),
    );
    try {
      const app = join(work, 'app');
      cpSync(join(root, 'electron'), join(app, 'electron'), { recursive: true });
      cpSync(join(root, 'renderer'), join(app, 'renderer'), { recursive: true });
      const report = join(work, 'report.csv');
      const electronVersion = (require('electron/package.json') as { version: string }).version;
      const run = spawnSync(
        process.execPath,
        [
          require.resolve('@doyensec/electronegativity/dist/index.js'),
          '-i',
          app,
          '-r',
          '-e',
          electronVersion,
          '-v',
          'false',
          '-o',
          report,
        ],
        { encoding: 'utf8', timeout: 170_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const findings = parseCsv(readFileSync(report, 'utf8'));
      const aboveLow = findings
        .filter((f) => f.severity !== 'LOW')
        .map((f) => `${f.check} ${f.severity} ${f.file}:${f.location}`);
      expect(aboveLow).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
