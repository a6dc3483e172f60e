import { COMMAND_HELP, GLOBAL_OPTIONS } from './command-help';

/** Escapes text for roff: backslashes, and a leading dot or quote that would read as a request. */
const roff = (text: string) => text.replace(/\\/g, '\\e').replace(/-/g, '\\-').replace(/^([.'])/, '\\&$1');

const options = (rows: readonly (readonly [string, string])[]) => rows.flatMap(([flag, text]) => ['.TP', `.B ${roff(flag)}`, roff(text)]);

/** otp-desk(1), generated from the same table as --help (`otp-desk help --man`). */
export function manPage(version: string): string {
  const sections = Object.entries(COMMAND_HELP).flatMap(([name, help]) => [
    `.SS ${name}`,
    ...help.usage.flatMap((line) => ['.PP', `.B otp\\-desk ${roff(line)}`]),
    '.PP',
    roff(`${help.summary[0]!.toUpperCase()}${help.summary.slice(1)}.`),
    ...(help.notes ?? []).flatMap((note) => ['.PP', roff(note)]),
    ...options(help.options),
    ...help.examples.flatMap((line) => ['.PP', `.RS`, `.B otp\\-desk ${roff(line)}`, '.RE']),
  ]);
  return [
    `.TH OTP-DESK 1 "" "OTP Desk ${roff(version)}" "User Commands"`,
    '.SH NAME',
    'otp\\-desk \\- one\\-time codes (TOTP, HOTP, Steam) from the OTP Desk vault',
    '.SH SYNOPSIS',
    '.B otp\\-desk',
    '[\\fB\\-\\-vault\\fR \\fIDIR\\fR] [\\fB\\-\\-vault\\-password\\-file\\fR \\fIFILE\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]',
    '.SH DESCRIPTION',
    'The command line of OTP Desk: the same vault as the app, unlocked with the key in the OS keychain (or the vault password).',
    '.SH GLOBAL OPTIONS',
    ...options(GLOBAL_OPTIONS),
    '.SH COMMANDS',
    ...sections,
    '.SH EXIT STATUS',
    '0 done; 1 a problem with the input or the files (nothing was changed); 2 a wrong command line; 3 the vault could not be unlocked (keychain unavailable, wrong password).',
    '.SH ENVIRONMENT',
    '.TP',
    '.B OTP_DESK_VAULT',
    'the vault folder when \\fB\\-\\-vault\\fR is not given',
    '',
  ].join('\n');
}
