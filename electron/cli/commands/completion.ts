import { UsageError, type CliContext } from '../cli-context';
import { completionScript, isShell, SHELLS } from '../shell-completion';

/** `completion bash|zsh|fish`: the shell's completion script on stdout. */
export async function completionCommand(ctx: CliContext): Promise<number> {
  const [shell, ...rest] = ctx.positionals;
  if (!isShell(shell) || rest.length > 0) throw new UsageError(`completion takes one shell: ${SHELLS.join(', ')}.`);
  ctx.out(completionScript(shell).trimEnd());
  return 0;
}
