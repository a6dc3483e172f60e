/** The toolbar popup: pairing (the code to compare with OTP Desk) and why the last fill did not happen. */
import type { PopupMessage, PopupState } from './messages';

const status = document.getElementById('status')!;
const code = document.getElementById('code')!;
const pairButton = document.getElementById('pair') as HTMLButtonElement;
const forgetButton = document.getElementById('forget') as HTMLButtonElement;
const last = document.getElementById('last')!;

async function ask(type: PopupMessage['type']): Promise<PopupState> {
  return (await chrome.runtime.sendMessage({ type } satisfies PopupMessage)) as PopupState;
}

function render(state: PopupState): void {
  const text: Record<PopupState['paired'], string> = {
    no: 'This browser is not paired with OTP Desk.',
    pending: 'Check that OTP Desk shows this same code, then confirm there:',
    yes: 'Paired with OTP Desk. Press Ctrl+Shift+L (or click the icon in a code field) to fill.',
  };
  status.textContent = state.message ? `${text[state.paired]} ${state.message}` : text[state.paired];
  code.textContent = state.paired === 'pending' && state.code ? `${state.code.slice(0, 3)} ${state.code.slice(3)}` : '';
  pairButton.hidden = state.paired === 'yes';
  pairButton.textContent = state.paired === 'pending' ? 'Pair again' : 'Pair with OTP Desk';
  forgetButton.hidden = state.paired === 'no';
  last.textContent = state.lastMessage ? `Last try: ${state.lastMessage}` : '';
}

// While a pairing waits for the user's confirmation in OTP Desk, look again every second.
let polling: ReturnType<typeof setTimeout> | undefined;
function watch(state: PopupState): void {
  render(state);
  clearTimeout(polling);
  if (state.paired === 'pending') polling = setTimeout(async () => watch(await ask('otp-desk-status')), 1000);
}

pairButton.addEventListener('click', async () => {
  pairButton.disabled = true;
  watch(await ask('otp-desk-pair'));
  pairButton.disabled = false;
});
forgetButton.addEventListener('click', async () => watch(await ask('otp-desk-forget')));

void ask('otp-desk-status').then(watch);
