import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, GLOBAL_OPTIONS, optionNames } from '../../electron/cli/command-help';
import { OPTIONS } from '../../electron/cli/cli-options';
import { COMMANDS, runCli } from '../../electron/cli/run-cli';

/** Runs the CLI in-process and collects what it prints. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, (line) => out.push(line), (line) => err.push(line));
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('CLI help', () => {
  it('has a help entry for every command, and every flag is some command\'s or global', () => {
    expect(Object.keys(COMMANDS).filter((name) => !COMMAND_HELP[name])).toEqual([]);
    const documented = new Set([...Object.values(COMMAND_HELP).flatMap((h) => optionNames(h.options)), ...optionNames(GLOBAL_OPTIONS), '--version']);
    expect(Object.keys(OPTIONS).filter((name) => !documented.has(`--${name}`))).toEqual([]);
  });

  it('shows a command\'s own usage, options and examples for COMMAND --help and help COMMAND', async () => {
    const viaFlag = await cli('code', '--help');
    expect(viaFlag.status).toBe(0);
    expect(viaFlag.stdout).toMatch(/^otp-desk code: /);
    expect(viaFlag.stdout).toContain('--advance');
    expect(viaFlag.stdout).toMatch(/--at TIME .*unix seconds .*ISO-8601/);
    expect(viaFlag.stdout).toContain('Examples:');
    expect(viaFlag.stdout).not.toContain('otp-desk export --format');
    expect((await cli('help', 'code')).stdout).toBe(viaFlag.stdout);
    expect((await cli('help', 'export')).stdout).toContain('--collection NAME');
  });

  it('lists every command for help and --help, and says what --version is', async () => {
    const overview = await cli('help');
    expect(overview.status).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(overview.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect((await cli('--help')).stdout).toBe(overview.stdout);
    const version = await cli('--version');
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^otp-desk \S+/);
  });

  it.each([
    [['cod'], /Unknown command "cod"\. Did you mean code\?/],
    [['help', 'expor'], /There is no command "expor"\. Did you mean export\?/],
    [['list', '--jsno'], /^otp-desk: Unknown option --jsno\. Did you mean --json\?$/m],
    [['code', '--nxet'], /Did you mean --next\?/],
    [['list', '--password-file', 'pw'], /list does not take --password-file\. Run otp-desk help list/],
  ])('%j: exit 2 with a suggestion, never the parser\'s text', async (args, message) => {
    const run = await cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.match(/'/g)?.length ?? 0).toBe(0);
  });

  it('every flag and command a message tells the user to use exists', async () => {
    const named = new Set<string>();
    const commands = new Set<string>();
    for (const file of sources('electron')) {
      const text = readFileSync(file, 'utf8');
      // Strings that users read: UserError/UsageError messages and the constants they are built from.
      for (const literal of text.match(/(['"`])(?:(?!\1)[^\\\n]|\\.)*\1/g) ?? []) {
        if (!/[A-Z].* /.test(literal)) continue;
        const flags = literal.match(/(?<![\w-])--[a-z][a-z0-9-]+/g) ?? [];
        for (const flag of flags) named.add(flag);
        // The way to unlock is the vault password's own flag (not an import's --password-file).
        if (/unlock/i.test(literal) && flags.length > 0) expect(flags, literal).toContain('--vault-password-file');
        for (const [, command] of literal.matchAll(/otp-desk (?:help )?([a-z]+)/g)) commands.add(command!);
      }
    }
    const known = new Set([...Object.keys(OPTIONS).map((n) => `--${n}`)]);
    // Flags of other programs that messages quote on purpose.
    const foreign = new Set(['--authentication-code1', '--authentication-code2', '--bootstrap-method', '--no-sandbox', '--remote-debugging-port', '--inspect', '--inspect-brk', '--smoke-test', '--user-data-dir']);
    expect([...named].filter((flag) => !known.has(flag) && !foreign.has(flag) && !flag.startsWith('--enable-') && !flag.startsWith('--disable-'))).toEqual([]);
    expect(named.size).toBeGreaterThan(10);
    for (const command of commands) {
      if (command === 'smoke') continue; // "otp-desk smoke test …": the installer's self-test prints its own name
      if (command === 'COMMAND' || COMMAND_HELP[command]) {
        const run = await cli('help', command === 'COMMAND' ? 'code' : command);
        expect(run.status, `otp-desk help ${command}`).toBe(0);
      } else {
        expect.fail(`a message names "otp-desk ${command}", which is no command`);
      }
    }
  });
});
