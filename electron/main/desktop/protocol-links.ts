import { app } from 'electron';
import { resolve } from 'node:path';
import { LINK_SCHEMES } from './otp-links';

/**
 * Makes OTP Desk the handler of otpauth:// and otpauth-migration:// links. Installers declare the
 * schemes too (electron-builder `protocols`: CFBundleURLTypes on macOS, MimeType=x-scheme-handler
 * on Linux, registry keys on Windows); this covers a portable AppImage and re-asserts the claim.
 */
export function registerLinkSchemes(): void {
  for (const scheme of LINK_SCHEMES) {
    if (process.defaultApp) {
      // Started as `electron .` (development): the OS must pass the app folder along.
      if (process.argv[1])
        app.setAsDefaultProtocolClient(scheme, process.execPath, [resolve(process.argv[1])]);
    } else app.setAsDefaultProtocolClient(scheme);
  }
}

/** macOS delivers links as open-url events, possibly before the app is ready; listen from the start. */
export function listenForMacLinks(onLink: (url: string) => void): void {
  app.on('will-finish-launching', () => {
    app.on('open-url', (event, url) => {
      event.preventDefault();
      onLink(url);
    });
  });
}
