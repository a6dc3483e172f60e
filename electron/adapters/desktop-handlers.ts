import type { ApiHandlers, LinkDelivery, ShortcutStatus } from '../api';
import type { ServiceHost } from './service-host';

/** The desktop side only the app has (tray panel, OS links, global shortcut); the test bridge brings its own. */
export interface DesktopPlatform {
  readonly desktop?: {
    hidePanel(): boolean;
    takeLinks(unlocked: boolean): LinkDelivery;
    shortcut(): ShortcutStatus;
  };
}

const NO_SHORTCUT: ShortcutStatus = {
  accelerator: '',
  label: '',
  registered: false,
  message: 'Global shortcuts work only in the OTP Desk app.',
};

/** The `desktop` part of the contract; without a desktop platform there is no panel, no link and no shortcut. */
export function createDesktopHandlers(
  host: ServiceHost,
  platform: DesktopPlatform = {},
): Pick<ApiHandlers, 'desktop'> {
  const desktop = platform.desktop;
  return {
    desktop: {
      hidePanel: () => desktop?.hidePanel() ?? false,
      takeLinks: () =>
        desktop?.takeLinks(host.status().state === 'unlocked') ?? {
          texts: [],
          problems: [],
          waitingForUnlock: 0,
        },
      shortcut: () => desktop?.shortcut() ?? NO_SHORTCUT,
    },
  };
}
