import { COMMAND_HELP, GLOBAL_OPTIONS, optionNames } from './command-help';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
export const isShell = (value: string | undefined): value is Shell => SHELLS.includes(value as Shell);
export { SHELLS };

const commands = () => Object.keys(COMMAND_HELP);
const globalFlags = () => optionNames(GLOBAL_OPTIONS).filter((f) => f.startsWith('--')).concat('--version');
const flagsOf = (name: string) => optionNames(COMMAND_HELP[name]!.options).filter((f) => f.startsWith('--'));

function bash(): string {
  const cases = commands().map((name) => `    ${name}) flags="${[...flagsOf(name), ...globalFlags()].join(' ')}" ;;`);
  return `# bash completion for otp-desk (otp-desk completion bash)
_otp_desk() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" command="" flags="" word
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) command="$word"; break ;; esac
  done
  case "$command" in
${cases.join('\n')}
    *) flags="${globalFlags().join(' ')}" ;;
  esac
  if [[ -z "$command" && "$cur" != -* ]]; then
    COMPREPLY=( $(compgen -W "${commands().join(' ')}" -- "$cur") )
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$flags" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _otp_desk otp-desk
`;
}

function zsh(): string {
  const describe = commands().map((name) => `    '${name}:${COMMAND_HELP[name]!.summary.replace(/'/g, "'\\''").replace(/:/g, '\\:')}'`);
  const cases = commands().map((name) => `    ${name}) _arguments ${[...flagsOf(name), ...globalFlags()].map((f) => `'${f}'`).join(' ')} '*:file:_files' ;;`);
  return `#compdef otp-desk
# zsh completion for otp-desk (otp-desk completion zsh)
_otp_desk() {
  local -a commands
  commands=(
${describe.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case $words[2] in
${cases.join('\n')}
  esac
}
compdef _otp_desk otp-desk
`;
}

function fish(): string {
  const lines = commands().flatMap((name) => [
    `complete -c otp-desk -n '__fish_use_subcommand' -a ${name} -d '${COMMAND_HELP[name]!.summary.replace(/'/g, "\\'")}'`,
    ...flagsOf(name).map((flag) => `complete -c otp-desk -n '__fish_seen_subcommand_from ${name}' -l ${flag.slice(2)}`),
  ]);
  return `# fish completion for otp-desk (otp-desk completion fish)
complete -c otp-desk -f
${globalFlags().map((flag) => `complete -c otp-desk -l ${flag.slice(2)}`).join('\n')}
${lines.join('\n')}
`;
}

/** The completion script for `shell`, generated from the same table as --help. */
export function completionScript(shell: Shell): string {
  return { bash, zsh, fish }[shell]();
}
