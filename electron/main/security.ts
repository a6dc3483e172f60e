import { app, session } from 'electron';
import type { PolicyApp, PolicySession } from './security-setup';
import { applySecurityPolicy } from './security-setup';

/** Blocks navigation, new windows, webviews and permission requests for every web contents. */
export function setupSecurityPolicy(): void {
  applySecurityPolicy(
    app as unknown as PolicyApp,
    session.defaultSession as unknown as PolicySession,
  );
}
