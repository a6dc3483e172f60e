import { CONTENT_SECURITY_POLICY, permissionAllowed } from './security-policy';

/** The parts of Electron's session the policy sets (typed narrowly so a test can record them). */
export interface PolicySession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url?: string; responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
}

/** A web contents as the policy sees it. */
export interface PolicyContents {
  on(
    event: 'will-navigate' | 'will-attach-webview' | 'will-redirect',
    listener: (event: { preventDefault(): void }) => void,
  ): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface PolicyApp {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: PolicyContents) => void,
  ): void;
}

/**
 * Denies every permission but clipboard writes (requests and checks), adds the CSP to every
 * response, and stops every web contents from navigating, redirecting, attaching webviews or
 * opening windows. No link opens outside the app (nothing in the UI needs one).
 */
export function applySecurityPolicy(app: PolicyApp, session: PolicySession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools' own pages (development builds) can't run under the app's policy: it blanks them.
    if (details.url?.startsWith('devtools://'))
      return callback({ responseHeaders: details.responseHeaders ?? {} });
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionAllowed(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
