/**
 * The extension's service worker: turns the shortcut, the context menu and the in-field icon
 * into a fill request for the frame the field is in, asks OTP Desk over the paired channel,
 * and hands the code (only the code) back to that frame.
 */
import type { FillMessage, FillReply, PopupMessage, PopupState, TriggerMessage } from './messages';
import { pair, request, type StoredPairing } from './native-client';

const MENU_ID = 'otp-desk-fill';

async function storedPairing(): Promise<(StoredPairing & { confirmed?: boolean }) | undefined> {
  const { pairing } = await chrome.storage.local.get('pairing');
  return pairing as (StoredPairing & { confirmed?: boolean }) | undefined;
}

/** Remembered for the popup (and tests): why the last fill did not happen. */
async function remember(message: string): Promise<FillReply> {
  await chrome.storage.session.set({ lastMessage: message, lastMessageAt: Date.now() });
  return { kind: 'message', message };
}

async function fill(sender: chrome.runtime.MessageSender, accountId?: string): Promise<FillReply> {
  const pairing = await storedPairing();
  if (!pairing) return remember('This browser is not paired with OTP Desk yet. Click the OTP Desk button in the toolbar and choose Pair.');
  // Both addresses come from the browser, not from the page: the tab's top-level page and the frame asking.
  const pageUrl = sender.tab?.url;
  const frameUrl = sender.url;
  if (!pageUrl || !frameUrl) return remember('OTP Desk cannot tell which site this page is on, so it fills nothing here.');
  const answer = await request(pairing, { type: 'fill', pageUrl, frameUrl, ...(accountId ? { accountId } : {}) });
  if (answer.type === 'code') {
    await chrome.storage.session.set({ lastMessage: '', lastFillAt: Date.now() });
    return { kind: 'code', code: answer.code, label: answer.label };
  }
  if (answer.type === 'choose') return { kind: 'choose', accounts: answer.accounts };
  return remember(answer.type === 'refused' || answer.type === 'locked' ? answer.message : 'OTP Desk answered something unexpected.');
}

async function popupState(): Promise<PopupState> {
  const pairing = await storedPairing();
  const { lastMessage } = await chrome.storage.session.get('lastMessage');
  const last = typeof lastMessage === 'string' && lastMessage ? { lastMessage } : {};
  if (!pairing) return { paired: 'no', ...last };
  const answer = await request(pairing, { type: 'status' }, 5_000);
  if (answer.type === 'status') {
    if (answer.paired === 'paired' && !pairing.confirmed) await chrome.storage.local.set({ pairing: { ...pairing, confirmed: true } });
    return answer.paired === 'paired' ? { paired: 'yes', ...(answer.locked ? { message: 'OTP Desk is locked.' } : {}), ...last } : { paired: 'pending', code: pairing.code, ...last };
  }
  const message = answer.type === 'refused' || answer.type === 'locked' ? answer.message : 'OTP Desk answered something unexpected.';
  return { paired: pairing.confirmed ? 'yes' : 'pending', code: pairing.code, message, ...last };
}

async function startPairing(): Promise<PopupState> {
  const name = `${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium-based browser'} (${new Date().toISOString().slice(0, 10)})`;
  const result = await pair(name);
  if ('message' in result) return { paired: 'no', message: result.message };
  await chrome.storage.local.set({ pairing: result });
  return { paired: 'pending', code: result.code };
}

function trigger(tabId: number | undefined, frameId = 0): void {
  if (tabId === undefined) return;
  const message: TriggerMessage = { type: 'otp-desk-trigger' };
  chrome.tabs.sendMessage(tabId, message, { frameId }).catch(() => remember('OTP Desk cannot fill on this page (browser pages and the extension store are off limits).'));
}

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU_ID, title: 'Fill one-time code from OTP Desk', contexts: ['editable'] });
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'fill-code') trigger(tab?.id);
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) trigger(tab?.id, info.frameId ?? 0);
});

chrome.runtime.onMessage.addListener((message: FillMessage | PopupMessage, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  let reply: Promise<unknown> | undefined;
  // Popup requests come from our own pages (by address), never from a content script in a web page.
  const ownPage = sender.url?.startsWith(chrome.runtime.getURL('')) === true;
  if (message.type === 'otp-desk-fill' && sender.tab && !ownPage) reply = fill(sender, message.accountId);
  else if (ownPage && message.type === 'otp-desk-status') reply = popupState();
  else if (ownPage && message.type === 'otp-desk-pair') reply = startPairing();
  else if (ownPage && message.type === 'otp-desk-forget') reply = chrome.storage.local.remove('pairing').then(() => ({ paired: 'no' }) satisfies PopupState);
  if (!reply) return false;
  reply.then(sendResponse, () => sendResponse({ kind: 'message', message: 'OTP Desk could not be asked. Try again.' }));
  return true;
});
