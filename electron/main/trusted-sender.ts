import type { IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';

/** True when the IPC call comes from our own renderer page (file URL inside the app), in its main frame. */
export function isTrustedSender(event: IpcMainInvokeEvent, rendererIndex: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  const expected = pathToFileURL(rendererIndex).toString();
  return frame.url.split('#')[0]!.split('?')[0] === expected;
}
