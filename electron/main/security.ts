import { app, session, shell, type WebContents } from 'electron';
import { ALLOWED_PERMISSIONS, CONTENT_SECURITY_POLICY, isSafeExternalUrl } from './security-policy';

/** Opens only well-formed https links in the user's browser (e.g. a service's help page). */
export function openExternalSafely(url: string): void {
  const safe = isSafeExternalUrl(url);
  if (safe) void shell.openExternal(safe);
}

/** Blocks navigation, new windows, webviews and permission requests for every web contents. */
export function setupSecurityPolicy(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.includes(permission));
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}
