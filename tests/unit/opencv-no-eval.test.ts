import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATCHED, patchOpenCvSource } from '../../scripts/opencv-no-eval.mjs';
import { resolvePackageFile } from '../../electron/core/package-file.node';

/**
 * The OpenCV.js the curved QR reader loads (scripts/opencv-no-eval.mjs, run by postinstall): the
 * same file with its string-built helpers as closures. import-sandbox.test.ts shows it reading a
 * bent code inside the sandbox, which refuses code generation from strings.
 */
describe('OpenCV.js without code generation from strings', () => {
  const original = readFileSync(resolvePackageFile('@techstark/opencv-js/dist/opencv.js'), 'utf8');

  it('the installed copy is the patch of the installed opencv.js, with no string-built code left', () => {
    const patched = readFileSync(PATCHED, 'utf8');
    expect(original).toMatch(/new Function/);
    expect(patched).not.toMatch(/new Function|new_\(Function/);
    expect(patched.slice(patched.indexOf('\n') + 1)).toBe(patchOpenCvSource(original));
  });

  it('refuses an opencv.js whose glue no longer has a helper it rewrites, naming the helper', () => {
    const changed = original.replace('function makeDynCaller(dynCall){', 'function makeDynCaller2(dynCall){');
    expect(() => patchOpenCvSource(changed)).toThrow(/expected one "function makeDynCaller\(dynCall\)\{…", found none/);
  });

  it('refuses one where string-built code is left after the rewrite', () => {
    expect(() => patchOpenCvSource(`${original}\nvar late=new Function("return 1");`)).toThrow(
      /left after the patch/,
    );
  });
});
