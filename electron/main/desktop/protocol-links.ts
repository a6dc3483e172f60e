import { app } from 'electron';
import { resolve } from 'node:path';
import { LINK_SCHEMES } from './otp-links';

/**
 * Makes OTP Desk the handler of otpauth:// and otpauth-migration:// links. Installers declare the
 * schemes too (electron-builder `protocols`: CFBundleURLTypes on macOS, MimeType=x-scheme-handler
 * on Linux, registry keys on Windows); this covers a portable AppImage and re-asserts the claim.
 */
export function registerLinkSchemes(): void {
  // electronegativity flags every protocol handler for review (PROTOCOL_HANDLER_JS_CHECK). Ours is
  // reviewed: a link is parsed by otp-links.ts (size-capped, never logged) and only ever opens the
  // import review, which the user must confirm; a link that arrives while locked waits for unlock.
  for (const scheme of LINK_SCHEMES) {
    if (process.defaultApp) {
      // Started as `electron .` (development): the OS must pass the app folder along.
      const appFolder = process.argv[1];
      if (appFolder) app.setAsDefaultProtocolClient(scheme, process.execPath, [resolve(appFolder)]); // eng-disable PROTOCOL_HANDLER_JS_CHECK
    } else app.setAsDefaultProtocolClient(scheme); // eng-disable PROTOCOL_HANDLER_JS_CHECK
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
