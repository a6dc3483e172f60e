import { systemPreferences } from 'electron';
import type { SystemAuth } from '../adapters/service-host';

/** Touch ID on macOS (systemPreferences.promptTouchID); elsewhere there is none. */
export function touchIdAuth(platform: NodeJS.Platform = process.platform): SystemAuth | undefined {
  if (platform !== 'darwin') return undefined;
  return {
    name: 'Touch ID',
    available: () => systemPreferences.canPromptTouchID(),
    prompt: (reason) => systemPreferences.promptTouchID(reason),
  };
}
