import { UserError } from '../../core/errors';
import { assessPassword } from '../../core/password/password-policy';
import { readPasswordFile, UsageError, type CliContext } from '../cli-context';

/**
 * `password set --password-file F [--current-password-file F]` and
 * `password remove --current-password-file F`: the vault password from the command line, with
 * the same rules as the app (8+ characters; a warning for common ones). The current password
 * opens the vault, so a wrong one exits 3 like any failed unlock.
 */
export async function passwordCommand(
  ctx: CliContext,
  warn: (line: string) => void = (line) => console.error(line),
): Promise<number> {
  const [action, ...rest] = ctx.positionals;
  if ((action !== 'set' && action !== 'remove') || rest.length > 0)
    throw new UsageError('password takes set or remove.');
  const currentFile = ctx.values['current-password-file'] as string | undefined;
  const current = currentFile ? await readPasswordFile(currentFile) : undefined;
  if (action === 'remove') {
    if (current === undefined)
      throw new UsageError('password remove needs --current-password-file F.');
    const service = await ctx.openServiceWithPassword(false, current);
    const vault = service.vaultHandle;
    if (!vault.hasPassword)
      throw new UserError('invalid-input', 'The vault has no password to remove.');
    // The keychain slot comes back first (it is gone in "ask at every start" mode), so the vault stays openable.
    if (!vault.hasKeychainSlot) await vault.restoreKeychainSlot();
    if (service.setting('requirePasswordAtStart') === true)
      await service.setSetting('requirePasswordAtStart', false);
    await vault.setPassword(null);
    ctx.out('Removed the vault password; the OS keychain alone opens the vault now.');
    return 0;
  }
  const newFile = ctx.values['password-file'] as string | undefined;
  if (!newFile)
    throw new UsageError(
      'password set needs --password-file F (the new password on its first line).',
    );
  const newPassword = await readPasswordFile(newFile);
  const assessment = assessPassword(newPassword);
  if (!assessment.ok)
    throw new UserError('invalid-input', `${assessment.problem} Nothing was changed.`);
  const service = await ctx.openServiceWithPassword(true, current);
  if (service.hasPassword && current === undefined) {
    throw new UserError(
      'password-required',
      'The vault already has a password. Give it with --current-password-file F to change it.',
    );
  }
  // As in the app: a weak password takes a second, explicit yes.
  if (assessment.warning && ctx.values['allow-weak'] !== true)
    throw new UserError(
      'invalid-input',
      `This password is weak: ${assessment.warning} (strength: ${assessment.label}). Choose a longer one, or pass --allow-weak to use it anyway. Nothing was changed.`,
    );
  if (assessment.warning)
    warn(`otp-desk: warning: ${assessment.warning} (strength: ${assessment.label})`);
  await service.vaultHandle.setPassword(newPassword);
  ctx.out(
    service.hasPassword && current !== undefined
      ? 'Changed the vault password.'
      : 'Set the vault password.',
  );
  return 0;
}
