import { FOLLOWED_APP_INFO as FOLLOWED_APPS } from '../sync/followed-app-info';

/**
 * What each `otp-desk` command takes and does: the one source for `--help`, `otp-desk help CMD`,
 * the per-command flag check, shell completions and the man page.
 */
export interface CommandHelp {
  /** One line for the command list. */
  readonly summary: string;
  /** Usage lines, without the leading `otp-desk `. */
  readonly usage: readonly string[];
  /** `[flag with its value, what it does]`; the flag's first word is the option name. */
  readonly options: readonly (readonly [string, string])[];
  readonly examples: readonly string[];
  /** Paragraphs after the options. */
  readonly notes?: readonly string[];
}

/** Flags every command takes. */
export const GLOBAL_OPTIONS: readonly (readonly [string, string])[] = [
  ['--vault DIR', 'the vault folder (else $OTP_DESK_VAULT, else the app\'s data folder)'],
  ['--vault-password-file FILE', 'unlock with the vault password on the first line of FILE (instead of the OS keychain)'],
  ['-h, --help', 'show this help'],
];

const AT = ['--at TIME', 'the codes at TIME: unix seconds (1767225600) or ISO-8601 (2026-01-01T00:00:00Z)'] as const;
const JSON_LIST = ['--json', 'print JSON for scripts instead of a table'] as const;

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  add: {
    summary: 'add an account from an otpauth link or a secret key',
    usage: ['add URI', 'add --secret KEY --issuer I --account A [--algorithm SHA1|SHA256|SHA512] [--digits 6|7|8] [--period SECONDS] [--hotp --counter N] [--steam]'],
    options: [
      ['--secret KEY', 'the base32 secret key the service shows (spaces and case do not matter)'],
      ['--issuer NAME', 'the service, e.g. "Amazon Web Services"'],
      ['--account NAME', 'your user name or e-mail there'],
      ['--algorithm SHA1|SHA256|SHA512', 'the HMAC algorithm (default SHA1)'],
      ['--digits 6|7|8', 'code length (default 6)'],
      ['--period SECONDS', 'how long a code lasts (default 30)'],
      ['--hotp', 'a counter-based (HOTP) account instead of a time-based one'],
      ['--counter N', 'the HOTP counter to start from (default 0)'],
      ['--steam', 'a Steam Guard account (5 characters)'],
    ],
    examples: [
      "add 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example'",
      'add --secret JBSWY3DPEHPK3PXP --issuer "Amazon Web Services" --account root',
    ],
  },
  list: {
    summary: 'list the accounts',
    usage: ['list [--json]'],
    options: [JSON_LIST],
    examples: ['list', 'list --json'],
    notes: ['JSON: [{id, type, issuer, account, algorithm, digits, period?, counter?}]'],
  },
  code: {
    summary: 'print the current codes (optionally the next one, or at another time)',
    usage: ['code [QUERY] [--at TIME] [--next] [--advance] [--json]', 'code QUERY --format aws'],
    options: [
      AT,
      ['--next', 'also print the following code (AWS asks for two consecutive codes)'],
      ['--advance', 'HOTP accounts: increase the counter first, then print the new code'],
      ['--format aws', 'print --authentication-code1 X --authentication-code2 Y for `aws iam enable-mfa-device`'],
      ['--json', 'print [{id, issuer, account, code, next?, validFrom, validUntil}] (unix seconds)'],
    ],
    examples: ['code github', 'code aws --next', 'code aws --format aws', 'code --at 2026-01-01T00:00:00Z --json'],
    notes: ['QUERY matches the issuer or account name (case-insensitive) or an account id; without it, every account.'],
  },
  show: {
    summary: "show one account's secret key, otpauth link and a terminal QR code",
    usage: ['show QUERY'],
    options: [],
    examples: ['show github'],
    notes: ['With a vault password set, pass it with --vault-password-file FILE (or type it when asked).'],
  },
  remove: {
    summary: 'remove an account (it stays in the app\'s Trash for 30 days)',
    usage: ['remove QUERY|ID [--yes]'],
    options: [['-y, --yes', 'remove without asking (needed where there is no terminal to ask on)']],
    examples: ['remove github --yes'],
  },
  import: {
    summary: "import accounts from QR images, links or another app's export",
    usage: ['import FILE... [--password-file F] [--issuer I --account A] [--skip-bad]', 'import FILE.age --identity F'],
    options: [
      ['--password-file FILE', 'the password of an encrypted export (first line of FILE)'],
      ['--issuer NAME', 'name the account of a bare secret key file (or a single account)'],
      ['--account NAME', 'the account name for a bare secret key file (or a single account)'],
      ['--skip-bad', 'import the good entries when some can\'t be read (without it, nothing is imported)'],
      ['--identity FILE', 'open an age file with your age key file or SSH private key (a passphrase is asked for)'],
    ],
    examples: ['import qr.png', 'import aegis-backup.json --password-file pw.txt', 'import links.txt --skip-bad', 'import escrow.age --identity ~/.ssh/id_ed25519'],
    notes: [
      'Formats are detected by content: PNG/JPEG/WebP/GIF/BMP images with QR codes, otpauth and Google transfer links (one a line), Aegis, 2FAS, andOTP, Bitwarden, Ente, FreeOTP, Authy, Proton, Stratum, AWS Base32StringSeed files and more.',
      'All files or nothing: when any file or entry can\'t be read, nothing is imported unless --skip-bad.',
    ],
  },
  export: {
    summary: 'export accounts (Aegis, KeePass, Bitwarden, links, QR codes, CSV, HTML, age)',
    usage: [
      'export --format uris|aegis|aegis-plain|migration|migration-qr|csv|html|kdbx|bitwarden [--query Q | --ids ID,ID] [--out FILE|DIR] [--password-file F] [--collection NAME] [--force]',
      'export --format age --recipient KEY... [--recipients-file F...] [--inner FORMAT] [--armor] [--out FILE]',
    ],
    options: [
      ['--format FORMAT', 'uris, aegis (encrypted), aegis-plain, migration (Google transfer links), migration-qr, csv, html, kdbx (KeePass), bitwarden, age (encrypted to people)'],
      ['--query Q', 'only the accounts whose issuer or name matches Q'],
      ['--ids ID,ID', 'only these account ids (see list --json)'],
      ['--out FILE|DIR', 'write to FILE (or DIR for migration-qr); text formats go to stdout without it'],
      ['--password-file FILE', 'the export password (aegis and kdbx; kdbx needs 8+ characters)'],
      ['--collection NAME', 'bitwarden: write an organisation export with the accounts in collection NAME'],
      ['--force', 'replace an existing --out file'],
      ['--recipient KEY', 'age: a person who can decrypt it alone (age1… key, ssh-ed25519 or ssh-rsa public key); repeat for more'],
      ['--recipients-file FILE', 'age: recipients one a line (e.g. a saved https://github.com/USER.keys); repeat for more'],
      ['--inner FORMAT', 'age: what goes inside (uris by default; aegis-plain, bitwarden, csv, html, kdbx, aegis)'],
      ['--armor', 'age: PEM-style text instead of binary (can go to stdout)'],
    ],
    examples: [
      'export --format age --recipients-file admins.keys --out aws-root-mfa.age','export --format aegis --password-file pw.txt --out backup.json', 'export --format kdbx --password-file pw.txt --out team.kdbx --query aws'],
  },
  password: {
    summary: 'set, change or remove the vault password',
    usage: ['password set --password-file F [--current-password-file F] [--allow-weak]', 'password remove --current-password-file F'],
    options: [
      ['--password-file FILE', 'the new vault password (8+ characters)'],
      ['--current-password-file FILE', 'the current vault password, to change or remove it'],
      ['--allow-weak', 'set a password the strength check calls weak or common (asked for explicitly, as in the app)'],
    ],
    examples: ['password set --password-file new.txt', 'password remove --current-password-file old.txt'],
  },
  edit: {
    summary: 'rename, regroup or favourite an account',
    usage: ['edit QUERY|ID [--issuer I] [--account A] [--group G] [--favorite yes|no]'],
    options: [
      ['--issuer NAME', 'the new issuer (service) name'],
      ['--account NAME', 'the new account name'],
      ['--group NAME', 'put it in group NAME ("" for no group)'],
      ['--favorite yes|no', 'pin it to the top, or not'],
    ],
    examples: ['edit github --group Work --favorite yes'],
  },
  trash: {
    summary: 'accounts removed (by you or by a sync) and versions a sync replaced, for 30 days',
    usage: ['trash list [--json]', 'trash restore ID'],
    options: [JSON_LIST],
    examples: ['trash list', 'trash restore 3f2a9c1e'],
  },
  sync: {
    summary: 'sync this vault through a folder you already sync; follow a phone\'s backups',
    usage: [
      'sync setup FOLDER [--device-name N] [--sync-password-file F]',
      'sync pairing-code',
      'sync join FOLDER (--code CODE | --sync-password-file F) [--device-name N]',
      'sync now | sync status [--json] | sync devices [--json]',
      'sync remove-device ID | sync leave',
      'sync follow FOLDER --password-file F | sync unfollow FOLDER',
    ],
    options: [
      ['--device-name NAME', 'what other devices call this one (default: the computer\'s name)'],
      ['--sync-password-file FILE', 'a sync password other devices can join with (instead of a pairing code)'],
      ['--code CODE', 'join: the pairing code another device shows (otp-desk sync pairing-code)'],
      ['--password-file FILE', 'follow: the password of the phone\'s encrypted Aegis, 2FAS or Ente Auth backups'],
      JSON_LIST,
    ],
    examples: ['sync setup ~/Sync --device-name laptop', 'sync join ~/Sync --code 1234-5678-9012', 'sync follow ~/Sync/Aegis --password-file aegis-pw.txt'],
    notes: [
      'Every device writes only its own encrypted file in FOLDER/OTP Desk Sync; removing a device rotates the sync key.',
      `follow reads the newest backup one way (phone → this computer) from FOLDER, which your phone's backups reach (Syncthing, a cloud drive); it can follow ${FOLLOWED_APPS.map((a) => a.name).join(', ')}. ${FOLLOWED_APPS.map((a) => `${a.name} writes ${a.backupNames}: ${a.howTo}.`).join(' ')}`,
    ],
  },
  recover: {
    summary: 'restore a damaged vault file from its previous version or a backup',
    usage: ['recover --from-previous', 'recover --from BACKUP.json [--password-file F]'],
    options: [
      ['--from-previous', 'restore vault.json.bak (the version before the last save)'],
      ['--from BACKUP.json', 'restore an automatic or exported Aegis backup'],
      ['--password-file FILE', 'the backup\'s password'],
    ],
    examples: ['recover --from-previous'],
    notes: ['Only for a damaged vault: the damaged file is kept beside the restored one.'],
  },
  browser: {
    summary: 'browser fill: install the native host, bind accounts to sites, manage paired browsers',
    usage: [
      'browser install-host [--browser chrome|chromium|edge|brave|firefox] [--profile DIR]',
      'browser sites QUERY [--add DOMAIN | --remove DOMAIN]',
      'browser pairings [--json]',
      'browser unpair ID',
    ],
    options: [
      ['--browser NAME', 'install-host: chrome, chromium, edge, brave or firefox (default: each one installed)'],
      ['--profile DIR', 'install-host: into this browser profile folder instead of the user-wide place'],
      ['--add DOMAIN', 'sites: let the account fill on DOMAIN (its registrable domain, e.g. github.com)'],
      ['--remove DOMAIN', 'sites: stop filling on DOMAIN'],
      JSON_LIST,
    ],
    examples: ['browser install-host --browser chromium', 'browser sites aws --add aws.amazon.com', 'browser pairings --json'],
    notes: ['The extension gets only a code, only for an account bound to the page\'s own site, and only after pairing.'],
  },
  help: {
    summary: 'show help for a command',
    usage: ['help [COMMAND]', 'help --man'],
    options: [['--man', 'print the manual page (roff), e.g. `otp-desk help --man | man -l -`']],
    examples: ['help code'],
  },
  completion: {
    summary: 'print a shell completion script',
    usage: ['completion bash|zsh|fish'],
    options: [],
    examples: ['completion bash > ~/.local/share/bash-completion/completions/otp-desk', 'completion fish > ~/.config/fish/completions/otp-desk.fish'],
  },
};

/** The option names (`--at`, `-y`) a help entry lists. */
export function optionNames(options: readonly (readonly [string, string])[]): string[] {
  return options.flatMap(([flag]) => flag.split(/,\s*/).map((part) => part.split(' ')[0]!));
}

/** `otp-desk COMMAND --help`. */
export function commandHelpText(name: string, help: CommandHelp): string {
  const width = Math.max(...[...help.options, ...GLOBAL_OPTIONS].map(([flag]) => flag.length));
  const rows = (options: readonly (readonly [string, string])[]) => options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
  return [
    `otp-desk ${name}: ${help.summary}`,
    '',
    'Usage:',
    ...help.usage.map((line) => `  otp-desk ${line}`),
    ...(help.options.length ? ['', 'Options:', ...rows(help.options)] : []),
    '',
    'Global options:',
    ...rows(GLOBAL_OPTIONS),
    ...(help.notes?.length ? ['', ...help.notes] : []),
    '',
    'Examples:',
    ...help.examples.map((line) => `  otp-desk ${line}`),
  ].join('\n');
}

/** `otp-desk --help`: every command with its summary. */
export function overviewText(): string {
  const names = Object.keys(COMMAND_HELP);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: otp-desk [--vault DIR] [--vault-password-file FILE] COMMAND [ARGS...]',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${COMMAND_HELP[name]!.summary}`),
    '',
    'Global options:',
    ...GLOBAL_OPTIONS.map(([flag, text]) => `  ${flag}  ${text}`),
    '  --version  print the version',
    '',
    'Run `otp-desk help COMMAND` (or `otp-desk COMMAND --help`) for a command\'s options and examples.',
    'Exit codes: 0 done; 1 a problem with the input or the files (nothing was changed); 2 a wrong command line; 3 the vault could not be unlocked.',
  ].join('\n');
}
