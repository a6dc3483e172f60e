import { join } from 'node:path';

/** Windows groups taskbar buttons and routes notifications by this id; NSIS shortcuts carry electron-builder's appId. */
export const APP_USER_MODEL_ID = 'dev.otpdesk.app';

/**
 * The profile folder for a run from a checkout (`npm start`, `electron .`): never the installed
 * app's, so a development build neither opens the user's real vault nor, through the
 * single-instance lock, hands its argv to (and quits into) the installed OTP Desk.
 * Null keeps Electron's default (the packaged app, or OTP_DESK_USER_DATA already chosen).
 */
export function developmentProfile(
  isPackaged: boolean,
  env: NodeJS.ProcessEnv,
  appData: string,
): string | null {
  if (isPackaged || env['OTP_DESK_USER_DATA']) return null;
  return join(appData, 'OTP Desk (development)');
}

/** The error box's text when start-up fails: what happened, and that nothing was changed. */
export function startupFailureText(error: unknown): { title: string; content: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: 'OTP Desk could not start',
    content: `${reason.split('\n')[0]}\n\nYour vault was not changed. Start OTP Desk again; if this repeats, run it from a terminal to see more.`,
  };
}

/** What main needs to end a failed start: show why, then exit (releasing the single-instance lock). */
export interface StartupFailureApp {
  exit(code: number): void;
}
export interface StartupFailureDialog {
  showErrorBox(title: string, content: string): void;
}

/** A throw in onReady must not leave a windowless process holding the single-instance lock. */
export function failStartup(
  error: unknown,
  app: StartupFailureApp,
  dialog: StartupFailureDialog,
): void {
  console.error(
    `[startup] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  const { title, content } = startupFailureText(error);
  dialog.showErrorBox(title, content);
  app.exit(1);
}
