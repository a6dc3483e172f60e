import { UserError } from '../core/errors';

const ENTER = /[\r\n]/;
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = /[\u0008\u007f]/;

/**
 * Asks for a password on the terminal without echoing it (raw mode: the terminal shows
 * nothing while typing). Ctrl-C or Ctrl-D on an empty line cancels. Only call on a TTY.
 */
export function promptHiddenPassword(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
  cancelMessage = 'No vault password was given, so nothing was shown or written.',
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (ENTER.test(char)) return finish();
        if (char === CTRL_C || (char === CTRL_D && value === '')) {
          return finish(new UserError('password-required', cancelMessage));
        }
        if (BACKSPACE.test(char)) value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    // Echo goes off before the question appears, so nothing typed after it is ever shown.
    input.setRawMode(true);
    output.write(question);
    input.on('data', onData);
    input.resume();
  });
}
