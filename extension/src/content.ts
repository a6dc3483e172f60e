/**
 * Runs in every frame: finds the code field, asks the service worker for the code and types it.
 * It never submits the form, never reads the page's other fields, and gets nothing but a code.
 */
import { deepActiveElement, findOtpField, isOtpCandidate, type OtpField } from './field-finder';
import { fillField } from './fill-field';
import type { FillMessage, FillReply, TriggerMessage } from './messages';
import { chooseAccount, hideIcon, iconInput, showIcon, showNotice } from './page-ui';

async function fillOnPage(field: OtpField | null, accountId?: string): Promise<void> {
  if (!field) {
    const active = deepActiveElement(document);
    showNotice(
      active?.tagName === 'IFRAME'
        ? 'The field is in a frame from another site; OTP Desk does not fill there.'
        : 'No one-time-code field found here. Click into the code field and try again.',
    );
    return;
  }
  const message: FillMessage = { type: 'otp-desk-fill', ...(accountId ? { accountId } : {}) };
  const reply = (await chrome.runtime.sendMessage(message)) as FillReply | undefined;
  if (!reply) return showNotice('The extension did not answer. Reload the page and try again.');
  if (reply.kind === 'code') return fillField(field, reply.code);
  if (reply.kind === 'message') return showNotice(reply.message);
  const chosen = await chooseAccount(reply.accounts);
  if (chosen) await fillOnPage(field, chosen);
}

chrome.runtime.onMessage.addListener((message: TriggerMessage) => {
  if (message?.type === 'otp-desk-trigger') void fillOnPage(findOtpField(document));
  return false;
});

// The icon appears when a code field gets focus (in open shadow roots too: composedPath sees inside).
document.addEventListener(
  'focusin',
  (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || !isOtpCandidate(target)) return;
    if (iconInput() === target) return;
    showIcon(target, () => void fillOnPage(findOtpField(document, target)));
  },
  true,
);
document.addEventListener(
  'focusout',
  () => {
    setTimeout(() => {
      const input = iconInput();
      if (input && deepActiveElement(document) !== input && input.getRootNode() instanceof Document) hideIcon();
    }, 300);
  },
  true,
);
