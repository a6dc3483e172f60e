#!/usr/bin/env node
// Builds main, preload, CLI and the test bridge with esbuild, and the renderer with Vite.
// Plain Node; run after scripts/ensure-deps.mjs has installed node_modules.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const wanted = (part) => only.length === 0 || only.includes(part);
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** Runs a command to the end; rejects, with its stderr, when it fails. */
const spawnChecked = (command, args) =>
  new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))));
  });

/**
 * A script compiled from a V8 code cache loses its dynamic-import callback (Node 20: "A dynamic
 * import callback was not specified"), so the CLI bundle's late `import('node:…')`s of built-ins
 * become the equivalent `require`s (same exports, still loaded only when reached).
 */
async function requireLateBuiltins(file) {
  const source = await readFile(file, 'utf8');
  await writeFile(file, source.replace(/\bimport\(("node:[\w/]+")\)/g, 'Promise.resolve().then(() => require($1))'));
}

// Native modules, Electron itself, and packages that locate their own .wasm at run time stay external.
const external = ['electron', 'keytar', 'sharp', 'sql.js', 'zxing-wasm', '@techstark/opencv-js'];
const nodeBundle = (entry, outfile, extra = {}) =>
  build({
    entryPoints: [join(root, entry)],
    outfile: join(root, outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external,
    logLevel: 'warning',
    // Node-only modules fall back from __filename to import.meta.url (for vitest's ESM); CJS has the former.
    logOverride: { 'empty-import-meta': 'silent' },
    // `otp-desk --version` and the man page's header.
    define: { __OTP_DESK_VERSION__: JSON.stringify(version) },
    ...extra,
  });

/**
 * The CLI in `dir`: a small loader (otp-desk.cjs) that compiles the bundle beside it with the V8
 * code cache written here. The CLI leaves its biggest dependencies to node_modules (all in
 * package.json `dependencies`): only import/export/password use them, and parsing their ~3 MB
 * (zxcvbn's dictionaries alone are 1.6 MB) on every `otp-desk code` cost more than the command.
 */
function cliJobs(dir, ...plugins) {
  const cliLazy = ['jsqr', 'hash-wasm', 'qrcode', 'kdbxweb', '@bufbuild/protobuf', '@bufbuild/protobuf/*', '@zxcvbn-ts/*', 'fflate', 'tldts', 'age-encryption', 'bcrypt-pbkdf'];
  const main = join(root, dir, 'otp-desk-main.cjs');
  return [
    nodeBundle('electron/cli/otp-desk.ts', `${dir}/otp-desk-main.cjs`, { external: [...external, ...cliLazy], minify: true, keepNames: true, plugins })
      .then(() => requireLateBuiltins(main))
      .then(() => spawnChecked(process.execPath, [join(root, 'scripts/cli-code-cache.mjs'), main])),
    nodeBundle('electron/cli/otp-desk-start.ts', `${dir}/otp-desk.cjs`, { banner: { js: '#!/usr/bin/env node' } }),
  ];
}

/** Test builds only: backup-crypto with new password keys at the test cost (tests/support/test-scrypt-cost.ts). */
const testScryptCost = {
  name: 'test-scrypt-cost',
  setup(builder) {
    const shim = join(root, 'tests/support/test-scrypt-cost.ts');
    builder.onResolve({ filter: /\/backup-crypto$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

/**
 * The browser extension (extension/): one source, two unpacked builds. Chromium keeps the
 * manifest's fixed `key` (a constant extension id); Firefox gets its gecko id and background
 * scripts instead of a service worker.
 */
async function buildExtension() {
  const manifest = JSON.parse(await readFile(join(root, 'extension/manifest.json'), 'utf8'));
  const { browser_specific_settings: gecko, ...chromium } = manifest;
  const { key: _key, minimum_chrome_version: _min, background: _bg, ...rest } = manifest;
  const firefox = { ...rest, background: { scripts: ['background.js'] }, browser_specific_settings: gecko };
  for (const [dir, json] of [['dist/extension', chromium], ['dist/extension-firefox', firefox]]) {
    const out = join(root, dir);
    await rm(out, { recursive: true, force: true });
    await build({
      entryPoints: ['background', 'content', 'popup'].map((name) => join(root, `extension/src/${name}.ts`)),
      outdir: out,
      bundle: true,
      format: 'iife',
      target: ['chrome120', 'firefox128'],
      logLevel: 'warning',
    });
    await cp(join(root, 'extension/icons'), join(out, 'icons'), { recursive: true });
    await cp(join(root, 'extension/popup.html'), join(out, 'popup.html'));
    await writeFile(join(out, 'manifest.json'), JSON.stringify(json, null, 2) + '\n');
  }
}

export async function buildAll() {
  const started = Date.now();
  if (only.length === 0) await rm(join(root, 'dist'), { recursive: true, force: true });
  const jobs = [];
  if (wanted('main')) {
    jobs.push(nodeBundle('electron/main/main.ts', 'dist/main/main.cjs'));
    jobs.push(nodeBundle('electron/preload/preload.ts', 'dist/preload/preload.cjs'));
  }
  if (wanted('cli')) jobs.push(...cliJobs('dist/cli'));
  if (wanted('bridge')) {
    // The CLI the integration tests run (tests/support/cli.ts) and the e2e bridge: test builds, not
    // packaged (electron-builder.yml lists what is), with password keys at the test cost.
    jobs.push(...cliJobs('dist/cli-test', testScryptCost));
    jobs.push(nodeBundle('tests/e2e/bridge/server.ts', 'dist/bridge/server.cjs', { plugins: [testScryptCost] }));
    // The client lands next to the renderer so the page loads it from its own origin.
    jobs.push(build({ entryPoints: [join(root, 'tests/e2e/bridge/client.ts')], outfile: join(root, 'dist/renderer-bridge/bridge-client.js'), bundle: true, format: 'esm', target: 'chrome130', logLevel: 'warning' }));
  }
  // Every Node part parses imports in the sandbox's child process (electron/sandbox), bundled once beside them.
  if (wanted('main') || wanted('cli') || wanted('bridge')) {
    jobs.push(nodeBundle('electron/sandbox/import-child.ts', 'dist/sandbox/import-child.cjs'));
  }
  if (wanted('extension')) jobs.push(buildExtension());
  if (wanted('browser-host')) jobs.push(nodeBundle('electron/browser/native-host.ts', 'dist/browser-host/host.cjs'));
  if (only.includes('bench')) jobs.push(nodeBundle('tests/bench/run-bench.ts', 'dist/bench/run-bench.cjs'));
  if (wanted('renderer')) {
    const { build: viteBuild } = await import('vite');
    jobs.push(viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' }));
  }
  await Promise.all(jobs);
  if (wanted('main')) {
    await mkdir(join(root, 'dist/main'), { recursive: true });
    await cp(join(root, 'build/icon.png'), join(root, 'dist/main/icon.png')).catch(() => {});
    // Tray icons: the coloured 32 px icon on Windows and Linux, the monochrome template on macOS.
    for (const name of ['icons/32x32.png', 'trayTemplate.png', 'trayTemplate@2x.png'])
      await cp(join(root, 'build', name), join(root, 'dist/main', name.replace('icons/32x32', 'tray'))).catch(() => {});
  }
  if (wanted('cli')) {
    // The man page comes from the same table as --help, so the two can't drift apart.
    const { outputFiles } = await build({ entryPoints: [join(root, 'electron/cli/man-page.ts')], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
    const { manPage } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
    await mkdir(join(root, 'dist/man'), { recursive: true });
    await writeFile(join(root, 'dist/man/otp-desk.1'), manPage(version));
  }
  console.log(`otp-desk: built ${only.length ? only.join(', ') : 'everything'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
