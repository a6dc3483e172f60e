import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// CI runs the project's scripts on Windows and macOS runners, which this machine is not. Here each
// script runs under a simulated process.platform with every child process recorded instead of
// started (tests/support/simulated-platform.mjs); a command that Windows starts only through a
// shell (npm.cmd, node_modules/.bin entries) fails there as Node fails it, without a shell option.
const root = join(__dirname, '../..');
const preload = pathToFileURL(join(root, 'tests/support/simulated-platform.mjs')).href;

/** How each script that starts processes is run here (arguments a user or CI passes). */
const SCRIPT_ARGS: Record<string, string[]> = {
  'bench.mjs': [],
  'ensure-deps.mjs': ['--test'],
  'gen-migration-proto.mjs': [],
  'mac-natives.mjs': [],
  'start.mjs': [],
  'test-changed.mjs': [],
  'test-session.mjs': [],
  'test-soak.mjs': [],
  'test.mjs': [],
  'with-keyring.mjs': ['npx', 'vitest', 'run'],
};
/** Scripts that start processes but are not run here, and why. */
const NOT_SIMULATED: Record<string, string> = {
  // A module other scripts import, not a command.
  'electron-binary.mjs': 'imported by start.mjs and bench.mjs, which run here',
  'generator-tools.mjs': 'imported by gen-migration-proto.mjs, which runs here, and gen-brand-icons.mjs',
  'run-npm.mjs': 'imported by ensure-deps.mjs and mac-natives.mjs, which run here, and generator-tools.mjs',
  // It starts only process.execPath (Node itself, no shell on any OS), and it needs the real
  // esbuild and Vite, so it runs for real in every CI job on all three OSes instead.
  'build.mjs': 'starts only Node itself; built for real on every runner',
};
/** Linux-only tools no script may start on another OS. */
const LINUX_ONLY =
  /^(apt-get|dpkg-query|dbus-run-session|dbus-daemon|gnome-keyring-daemon|xvfb-run)$/;

type Spawn = { command: string; args: string[]; shell: boolean; refusal: string | null };

/** A copy of scripts/ with package.json and the lockfile, and node_modules without an install stamp. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otp-desk-scripts-'));
  cpSync(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json'])
    cpSync(join(root, file), join(dir, file));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  return dir;
}

function runScript(script: string, platform: NodeJS.Platform, dir = checkout()) {
  const log = join(dir, 'spawns.jsonl');
  const result = spawnSync(
    process.execPath,
    ['--import', preload, join(dir, 'scripts', script), ...SCRIPT_ARGS[script]!],
    {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        SIMULATED_PLATFORM: platform,
        SIMULATED_SPAWN_LOG: log,
        CHROME_PATH: '',
        TEMP: tmpdir(),
        TMP: tmpdir(),
      },
      timeout: 15_000,
    },
  );
  const spawns = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Spawn)
    : [];
  return { status: result.status, stderr: result.stderr, spawns };
}

describe("the project's scripts on Windows and macOS", () => {
  it('every script that starts a process is exercised here', () => {
    const spawning = readdirSync(join(root, 'scripts')).filter(
      (name) =>
        name.endsWith('.mjs') &&
        /\b(spawn|spawnSync|execFileSync|runNpm)\(/.test(
          readFileSync(join(root, 'scripts', name), 'utf8'),
        ) &&
        !(name in NOT_SIMULATED),
    );
    expect(spawning.sort()).toEqual(Object.keys(SCRIPT_ARGS).sort());
  });

  it('build.mjs, not run here, starts nothing but Node itself', () => {
    const source = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    const calls = [...source.matchAll(/\b(?:spawn|spawnSync|execFileSync|spawnChecked)\(\s*([\w.]+)/g)].map((m) => m[1]);
    // spawnChecked's own body passes its `command` through; every call of it must pass Node.
    expect(calls.filter((command) => command !== 'command')).not.toHaveLength(0);
    expect(calls.filter((command) => command !== 'command' && command !== 'process.execPath')).toEqual([]);
  });

  it.each(Object.keys(SCRIPT_ARGS))('%s starts every command the way Windows can', (script) => {
    const { spawns, stderr } = runScript(script, 'win32');
    expect(spawns.length, stderr).toBeGreaterThan(0);
    expect(spawns.filter((s) => s.refusal)).toEqual([]);
    expect(spawns.filter((s) => LINUX_ONLY.test(s.command))).toEqual([]);
  });

  it.each(Object.keys(SCRIPT_ARGS))(
    '%s starts no Windows or Linux-only command on macOS',
    (script) => {
      const { spawns, stderr } = runScript(script, 'darwin');
      expect(spawns.length, stderr).toBeGreaterThan(0);
      expect(
        spawns.filter((s) => /\.(cmd|bat)$/i.test(s.command) || LINUX_ONLY.test(s.command)),
      ).toEqual([]);
    },
  );

  it('ensure-deps installs the node modules on Windows (npm through a shell) and succeeds', () => {
    const { status, spawns, stderr } = runScript('ensure-deps.mjs', 'win32');
    expect(spawns).toContainEqual(
      expect.objectContaining({
        command: 'npm.cmd',
        args: ['ci', '--no-audit', '--no-fund', '--prefer-offline'],
        shell: true,
      }),
    );
    expect(status, stderr).toBe(0);
  });
});
