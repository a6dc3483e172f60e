import type { IpcMainInvokeEvent } from 'electron';
import { RENDERER_URL } from './app-protocol';

/** True when the IPC call comes from our own renderer page (app://otp-desk/index.html), in its main frame. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  rendererUrl: string = RENDERER_URL,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return frame.url.split('#')[0]!.split('?')[0] === rendererUrl;
}
