// The skipped tests of one npm test run, from vitest's and Playwright's JSON reports, checked
// against tests/skips-allowed.json: a skip is fine only for a documented reason on a platform
// where it is expected. test-session.mjs prints the list and fails the run on any other skip.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The platform names the allow-list uses: process.platform, and linux-nonroot for Linux without root. */
export function platformNames(platform = process.platform, uid = process.getuid?.()) {
  return platform === 'linux' && uid !== 0 ? [platform, 'linux-nonroot'] : [platform];
}

/** Every skipped test in a vitest JSON report: { file, name }. */
export function vitestSkips(report, root) {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => ['skipped', 'pending', 'todo'].includes(t.status))
      .map((t) => ({ file: relative(root, file.name).split('\\').join('/'), name: t.fullName })),
  );
}

/** Every skipped test in a Playwright JSON report, with the reason its test.skip() gave. */
export function playwrightSkips(report) {
  const skips = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'skipped') {
          const note = (test.annotations ?? []).find((a) => a.type === 'skip')?.description;
          skips.push({ file: `tests/${spec.file}`, name: [...titles, spec.title].join(' > '), note });
        }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return skips;
}

/** Each skip with the allow-list entry that documents it here, or none. */
export function judgeSkips(skips, allowed, platforms) {
  return skips.map((skip) => {
    const entry = allowed.skips.find(
      (e) => e.file === skip.file && (!e.test || skip.name.includes(e.test)) && e.platforms.some((p) => platforms.includes(p)),
    );
    return { ...skip, reason: entry?.reason };
  });
}

/** Reads the two reports (either may be missing) and the allow-list; returns the judged skips. */
export function skipReport({ root, vitestJson, playwrightJson, allowList }) {
  const read = (path) => {
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
  };
  const v = read(vitestJson);
  const p = read(playwrightJson);
  const skips = [...(v ? vitestSkips(v, root) : []), ...(p ? playwrightSkips(p) : [])];
  return judgeSkips(skips, read(allowList) ?? { skips: [] }, platformNames());
}
