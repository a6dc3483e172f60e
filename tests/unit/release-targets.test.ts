import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { macNativePackages } from '../../scripts/mac-natives.mjs';

// What electron-builder asks of each configured target only when it builds it, on a runner: held
// here with app-builder-lib's own code where it exposes it (the deb's maintainer and homepage,
// its default dependencies, the package.json checks), and with @electron/universal's own matcher
// for the universal merge.
const root = join(__dirname, '../..');
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Config = Record<string, any>;
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
const { AppInfo } = builderRequire('./out/appInfo') as {
  AppInfo: new (info: unknown) => {
    companyName: string | null;
    computePackageUrl(): Promise<string | null>;
  };
};
const { readPackageJson, checkMetadata } = builderRequire('./out/util/packageMetadata') as {
  readPackageJson(file: string): Promise<Config>;
  checkMetadata(metadata: Config, dev: Config, file: string, devFile: string): void;
};
const FpmTarget = (builderRequire('./out/targets/FpmTarget') as { default: { prototype: Config } })
  .default;
const { getEffectiveOptions } = builderRequire(
  './out/options/CommonWindowsInstallerConfiguration',
) as {
  getEffectiveOptions(options: Config, packager: unknown): Config;
};
const universalRequire = createRequire(builderRequire.resolve('@electron/universal/package.json'));
const { minimatch } = universalRequire('minimatch') as {
  minimatch(path: string, pattern: string, options: { matchBase: boolean }): boolean;
};

/** app-builder-lib's view of the app: package.json read and normalised as electron-builder does. */
async function packager(metadata?: Config) {
  const file = join(root, 'package.json');
  const read = metadata ?? (await readPackageJson(file));
  const info = { metadata: read, devMetadata: read, config, repositoryInfo: Promise.resolve(null) };
  return { info, appInfo: new AppInfo(info), expandMacro: (text: string) => text };
}

/** The deb's meta info (maintainer, homepage) as electron-builder computes it before running fpm. */
async function debMetaInfo(metadata?: Config) {
  const target = { packager: await packager(metadata), options: config['deb'] };
  return (FpmTarget.prototype['computeFpmMetaInfoOptions'] as () => Promise<Config>).call(target);
}

describe('what each target needs, as electron-builder checks it', () => {
  it("package.json passes app-builder-lib's metadata check, with an author and a description", async () => {
    const file = join(root, 'package.json');
    const metadata = await readPackageJson(file);
    expect(() => checkMetadata(metadata, metadata, file, file)).not.toThrow();
    expect(metadata['author']).toMatchObject({
      name: expect.any(String),
      email: expect.any(String),
    });
    expect(metadata['description']).toBeTruthy();
  });

  it('deb: the maintainer and homepage fpm needs are there', async () => {
    await expect(debMetaInfo()).resolves.toMatchObject({
      maintainer: expect.stringMatching(/^.+ <[^@\s]+@[^@\s]+>$/),
      url: expect.stringMatching(/^https:\/\//),
    });
  });

  it('deb: that check fails without an author email (so the one above can fail)', async () => {
    const metadata = await readPackageJson(join(root, 'package.json'));
    await expect(debMetaInfo({ ...metadata, author: { name: 'x' } })).rejects.toThrow(
      /author 'email'/,
    );
  });

  it("deb: depends extends electron-builder's default list (a custom list replaces it)", () => {
    const defaults = (FpmTarget.prototype['getDefaultDepends'] as (t: string) => string[])('deb');
    expect(defaults.length).toBeGreaterThan(5);
    expect(config['deb'].depends).toEqual(expect.arrayContaining(defaults));
    expect(config['deb'].depends).toContain('libsecret-1-0');
  });

  it('AppImage and deb: a registered freedesktop main category (else "Utility" with a warning)', () => {
    // https://specifications.freedesktop.org/menu-spec/latest/category-registry.html#main-category-registry
    const main = [
      'AudioVideo',
      'Audio',
      'Video',
      'Development',
      'Education',
      'Game',
      'Graphics',
      'Network',
      'Office',
      'Science',
      'Settings',
      'System',
      'Utility',
    ];
    expect(main).toContain(config['linux'].category);
    expect(config['linux'].executableName).toMatch(/^[a-z0-9-]+$/);
  });

  it('nsis: a publisher (the author) for Apps & features, a shortcut name, per-user assisted install', async () => {
    const { appInfo, expandMacro } = await packager();
    expect(appInfo.companyName).toBeTruthy();
    const effective = getEffectiveOptions(config['nsis'], { appInfo, expandMacro });
    expect(effective).toMatchObject({
      isPerMachine: false,
      isAssisted: true,
      shortcutName: 'OTP Desk',
    });
  });

  it('dmg: an App Store category, the screen-capture usage text, a versioned universal name', () => {
    expect(config['mac'].category).toMatch(/^public\.app-category\.[a-z-]+$/);
    expect(config['mac'].extendInfo.NSScreenCaptureUsageDescription).toBeTruthy();
    expect(config['dmg'].artifactName).toBe('otp-desk-${version}-mac-universal.${ext}');
  });
});

describe('the universal macOS merge', () => {
  const natives = macNativePackages();
  // Where a file of such a package sits in each temporary .app (unpacked) and inside app.asar.
  const inApp = (path: string) => `Contents/Resources/app.asar.unpacked/${path}/lib/native.node`;
  const inAsar = (path: string) => `${path}/lib/native.node`;

  it('npm ls finds the prebuilt darwin packages of both architectures', () => {
    expect(
      natives
        .map((p) => p.cpu)
        .flat()
        .sort(),
    ).toEqual(expect.arrayContaining(['arm64', 'x64']));
    expect(natives.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@img/sharp-darwin-x64', '@img/sharp-darwin-arm64']),
    );
  });

  it.each(macNativePackages().map((p) => p.path))(
    '%s is unpacked, kept as-is when both builds hold it (x64ArchFiles) and allowed in one build only (singleArchFiles)',
    (path) => {
      const unpacked = (config['asarUnpack'] as string[]).some((glob) =>
        minimatch(inAsar(path), glob, { matchBase: true }),
      );
      expect(unpacked).toBe(true);
      expect(minimatch(inApp(path), config['mac'].x64ArchFiles ?? '', { matchBase: true })).toBe(
        true,
      );
      expect(
        minimatch(inAsar(path), config['mac'].singleArchFiles ?? '', { matchBase: true }),
      ).toBe(true);
    },
  );

  it('keytar (built per architecture and joined with lipo) is not kept as x64 only', () => {
    const keytar =
      'Contents/Resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node';
    expect(minimatch(keytar, config['mac'].x64ArchFiles, { matchBase: true })).toBe(false);
  });

  it('the release job installs exactly those packages before building the mac app', () => {
    const release = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');
    expect(release).toMatch(/node scripts\/mac-natives\.mjs/);
    expect(release).not.toMatch(/npm install[^\n]*\bsharp\b/);
  });
});

describe('fuses on macOS', () => {
  it('come with the ad-hoc re-sign, or an unsigned Apple-silicon build is killed at launch', () => {
    expect(config['mac'].target).toBeDefined();
    expect(config['electronFuses']).toMatchObject({ resetAdHocDarwinSignature: true });
  });
});
