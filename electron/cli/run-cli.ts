import { parseArgs } from 'node:util';
import { isUserError, type UserErrorKind } from '../core/errors';
import { SyncSecretRejected } from '../sync/sync-errors';
import { KeytarKeyStore } from '../vault/keychain-keytar.node';
import { openServiceFor, UsageError, type CliContext } from './cli-context';
import { COMMAND_HELP, commandHelpText, GLOBAL_OPTIONS, optionNames, overviewText } from './command-help';
import { promptHiddenPassword } from './prompt-password';
import { didYouMean } from './suggest';
import { OPTIONS } from './cli-options';
import { addCommand } from './commands/add';
import { codeCommand } from './commands/code';
import { listCommand } from './commands/list';
import { removeCommand } from './commands/remove';


/** Every command; each has its entry in command-help.ts (a unit test holds the two in step). */
export const COMMANDS: Readonly<Record<string, (ctx: CliContext) => Promise<number>>> = {
  add: addCommand,
  browser: async (ctx) => (await import('./commands/browser')).browserCommand(ctx),
  code: codeCommand,
  edit: async (ctx) => (await import('./commands/edit')).editCommand(ctx),
  // Loaded only when used: they pull in the importers, exporters, image and QR decoding (sharp,
  // sql.js, zxing-wasm, jsQR, qrcode), which would otherwise slow every `otp-desk code` start.
  // `npm run bench` (cliCodeRatio) measures that start.
  export: async (ctx) => (await import('./commands/export')).exportCommand(ctx),
  import: async (ctx) => (await import('./commands/import')).importCommand(ctx),
  list: listCommand,
  password: async (ctx) => (await import('./commands/password')).passwordCommand(ctx),
  recover: async (ctx) => (await import('./commands/recover')).recoverCommand(ctx),
  remove: removeCommand,
  show: async (ctx) => (await import('./commands/show')).showCommand(ctx),
  completion: async (ctx) => (await import('./commands/completion')).completionCommand(ctx),
  sync: async (ctx) => (await import('./commands/sync')).syncCommand(ctx),
  trash: async (ctx) => (await import('./commands/trash')).trashCommand(ctx),
};

/** Opening the vault failed in one of these ways: exit 3. Every other error a user can fix: exit 1. */
const UNLOCK_FAILURES: readonly UserErrorKind[] = ['vault-locked', 'keychain-unavailable', 'wrong-password', 'rate-limited', 'password-required'];

/** Marks an error raised while unlocking the vault (as opposed to, say, a wrong import password). */
class VaultUnlockFailure extends Error {}


/** Set by scripts/build.mjs from package.json; absent when the sources run in tests. */
declare const __OTP_DESK_VERSION__: string | undefined;
const VERSION = typeof __OTP_DESK_VERSION__ === 'string' ? __OTP_DESK_VERSION__ : 'development build';

const ALL_FLAGS = Object.entries(OPTIONS).flatMap(([name, option]) => [`--${name}`, ...('short' in option ? [`-${option.short}`] : [])]);
const GLOBAL_FLAGS = [...optionNames(GLOBAL_OPTIONS), '--version'];

/** An unknown flag in words, with the likeliest meant one (parseArgs' own text has an unbalanced quote). */
function checkKnownFlags(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || /^-\d/.test(arg)) continue;
    const flag = arg.split('=')[0]!;
    if (!ALL_FLAGS.includes(flag)) throw new UsageError(`Unknown option ${flag}.${didYouMean(flag, ALL_FLAGS)}`);
  }
}

/** A flag the command doesn't take is a mistake to say, not to ignore (`list --format csv`). */
function checkCommandFlags(command: string, values: Readonly<Record<string, unknown>>): void {
  const allowed = [...optionNames(COMMAND_HELP[command]!.options), ...GLOBAL_FLAGS];
  for (const name of Object.keys(values)) {
    if (values[name] === undefined || allowed.includes(`--${name}`)) continue;
    throw new UsageError(`${command} does not take --${name}. Run otp-desk help ${command} for its options.`);
  }
}

/** `help [COMMAND]`, `COMMAND --help`, `completion SHELL`: no vault needed. */
async function helpCommand(topic: string | undefined, man: boolean, out: (line: string) => void): Promise<number> {
  if (man) {
    out((await import('./man-page')).manPage(VERSION));
    return 0;
  }
  if (topic === undefined) {
    out(overviewText());
    return 0;
  }
  const help = COMMAND_HELP[topic];
  if (!help) throw new UsageError(`There is no command "${topic}".${didYouMean(topic, Object.keys(COMMAND_HELP))}`);
  out(commandHelpText(topic, help));
  return 0;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  // Loaded here, not at start: readline is six modules every other command would load for nothing.
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** `--period -5` → `--period=-5`: parseArgs would call a negative number an ambiguous option, hiding the real error. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    const next = argv[i + 1];
    if (OPTIONS[name as keyof typeof OPTIONS]?.type === 'string' && next !== undefined && /^-\d+(\.\d+)?$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** Runs the CLI; returns the exit code. Errors are one line on stderr, never a stack or a secret. */
export async function runCli(argv: readonly string[], out = (line: string) => console.log(line), err = (line: string) => console.error(line)): Promise<number> {
  try {
    let parsed;
    const args = joinNegativeNumbers(argv);
    checkKnownFlags(args);
    try {
      parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n')[0]!.replace(/^TypeError \[\w+\]: /, ''));
    }
    const [command, ...positionals] = parsed.positionals;
    if (parsed.values.version) {
      out(`otp-desk ${VERSION}`);
      return 0;
    }
    if (command === 'help') return await helpCommand(positionals[0], parsed.values.man === true, out);
    if (parsed.values.help || command === undefined) {
      if (command !== undefined && COMMAND_HELP[command]) return await helpCommand(command, false, out);
      out(overviewText());
      return command === undefined && !parsed.values.help ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`Unknown command "${command}".${didYouMean(command, Object.keys(COMMAND_HELP))}`);
    checkCommandFlags(command, parsed.values);
    const keyStore = new KeytarKeyStore();
    return await run({
      values: parsed.values,
      positionals,
      out,
      keyStore,
      now: Date.now,
      openService: (create, secretsFor) =>
        // stdin is looked at only where a prompt may follow: building its stream loads net (or tty) for every command.
        openServiceFor(parsed.values, keyStore, create, secretsFor, secretsFor !== undefined && process.stdin.isTTY ? () => promptHiddenPassword('Vault password: ') : undefined).catch((error: unknown) => {
          throw isUserError(error) && UNLOCK_FAILURES.includes(error.kind) ? new VaultUnlockFailure(error.message) : error;
        }),
      openServiceWithPassword: (create, password) =>
        openServiceFor(parsed.values, keyStore, create, undefined, undefined, password).catch((error: unknown) => {
          throw isUserError(error) && UNLOCK_FAILURES.includes(error.kind) ? new VaultUnlockFailure(error.message) : error;
        }),
      confirm,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      err(`otp-desk: ${error.message}`);
      if (!error.message.includes('otp-desk help')) err('Run otp-desk --help for usage.');
      return 2;
    }
    if (error instanceof VaultUnlockFailure || isUserError(error)) {
      err(`otp-desk: ${error.message}`);
      return error instanceof VaultUnlockFailure || error instanceof SyncSecretRejected ? 3 : 1;
    }
    // Unexpected errors may carry library text that echoes input; show details only on request.
    err('otp-desk: unexpected error. Run again with OTP_DESK_DEBUG=1 for details, and report it if it persists.');
    if (process.env['OTP_DESK_DEBUG']) err(String((error as Error)?.stack ?? error));
    return 1;
  }
}
