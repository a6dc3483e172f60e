import { parseArgs } from 'node:util';
import { isUserError, type UserErrorKind } from '../core/errors';
import { SyncSecretRejected } from '../sync/sync-errors';
import { KeytarKeyStore } from '../vault/keychain-keytar.node';
import { openServiceFor, UsageError, type CliContext } from './cli-context';
import { promptHiddenPassword } from './prompt-password';
import { addCommand } from './commands/add';
import { codeCommand } from './commands/code';
import { listCommand } from './commands/list';
import { removeCommand } from './commands/remove';

const USAGE = `Usage: otp-desk [--vault DIR] COMMAND ...
  add URI | add --secret KEY --issuer I --account A [--algorithm SHA1|SHA256|SHA512]
      [--digits 6|7|8] [--period SECONDS] [--hotp --counter N] [--steam]
  list [--json]
  code [QUERY] [--at TIME] [--next] [--advance] [--json]
  code QUERY --format aws    two consecutive codes as --authentication-code1 X --authentication-code2 Y
  show QUERY                 one account's key, otpauth link and a terminal QR code
  remove QUERY|ID [--yes]
  edit QUERY|ID [--issuer I] [--account A] [--group G] [--favorite yes|no]
  trash list [--json] | trash restore ID
      accounts removed (here or by a sync) and versions a sync replaced, for 30 days
  sync setup FOLDER [--device-name N] [--sync-password-file F] | sync pairing-code
  sync join FOLDER (--code CODE | --sync-password-file F) [--device-name N]
  sync now | sync status [--json] | sync devices [--json] | sync remove-device ID | sync leave
  sync follow FOLDER --password-file F | sync unfollow FOLDER
      sync through a folder you already sync (Syncthing, Dropbox, OneDrive, a share); follow
      a phone's automatic Aegis backups one way
  recover --from-previous | --from BACKUP.json [--password-file F]
      only for a damaged vault file: restores vault.json.bak or a backup, keeping the damaged file
  password set --password-file F [--current-password-file F] | password remove --current-password-file F
  import FILE... [--password-file F] [--issuer I --account A]
      QR images, otpauth/Google transfer links, Aegis, 2FAS, andOTP, Bitwarden, Ente, FreeOTP, ... (by content)
  export --format uris|aegis|aegis-plain|migration|migration-qr|csv|html|kdbx|bitwarden
      [--query Q | --ids ID,ID] [--out FILE|DIR] [--password-file F] [--collection NAME] [--force]
      aegis and kdbx need --password-file (kdbx: 8+ characters, and --out FILE); migration-qr needs
      --out DIR; bitwarden --collection NAME writes an organisation export; text goes to stdout
      without --out; an existing --out file is replaced only with --force
The vault folder is --vault DIR, else $OTP_DESK_VAULT, else the app's data folder.
--vault-password-file F unlocks with the vault password; when the vault has one, export and show
need it (or ask for it without echo on a terminal).`;

const COMMANDS: Record<string, (ctx: CliContext) => Promise<number>> = {
  add: addCommand,
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
  sync: async (ctx) => (await import('./commands/sync')).syncCommand(ctx),
  trash: async (ctx) => (await import('./commands/trash')).trashCommand(ctx),
};

/** Opening the vault failed in one of these ways: exit 3. Every other error a user can fix: exit 1. */
const UNLOCK_FAILURES: readonly UserErrorKind[] = ['vault-locked', 'keychain-unavailable', 'wrong-password', 'password-required'];

/** Marks an error raised while unlocking the vault (as opposed to, say, a wrong import password). */
class VaultUnlockFailure extends Error {}

const OPTIONS = {
  vault: { type: 'string' },
  'vault-password-file': { type: 'string' },
  'password-file': { type: 'string' },
  'current-password-file': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  query: { type: 'string' },
  ids: { type: 'string' },
  collection: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  at: { type: 'string' },
  next: { type: 'boolean' },
  advance: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  secret: { type: 'string' },
  issuer: { type: 'string' },
  account: { type: 'string' },
  algorithm: { type: 'string' },
  digits: { type: 'string' },
  period: { type: 'string' },
  counter: { type: 'string' },
  hotp: { type: 'boolean' },
  steam: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  from: { type: 'string' },
  'from-previous': { type: 'boolean' },
  group: { type: 'string' },
  favorite: { type: 'string' },
  code: { type: 'string' },
  'device-name': { type: 'string' },
  'sync-password-file': { type: 'string' },
} as const;

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
    try {
      parsed = parseArgs({ args: joinNegativeNumbers(argv), options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n')[0]!.replace(/^TypeError \[\w+\]: /, ''));
    }
    const [command, ...positionals] = parsed.positionals;
    if (parsed.values.help || command === undefined) {
      out(USAGE);
      return command === undefined && !parsed.values.help ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`Unknown command "${command}".`);
    const keyStore = new KeytarKeyStore();
    return await run({
      values: parsed.values,
      positionals,
      out,
      keyStore,
      now: Date.now,
      openService: (create, secretsFor) =>
        openServiceFor(parsed.values, keyStore, create, secretsFor, process.stdin.isTTY ? () => promptHiddenPassword('Vault password: ') : undefined).catch((error: unknown) => {
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
      err('Run otp-desk --help for usage.');
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
