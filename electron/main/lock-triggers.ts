import { app, powerMonitor } from 'electron';
import type { ServiceHost } from '../adapters/service-host';
import { IdleLocker, POWER_LOCK_EVENTS } from '../lock/auto-lock';
import { watchLinuxScreenLock } from './linux-screen-lock';

/** Locks on idle (the system's idle time), on screen lock and on suspend, as the settings say. */
export function setupLockTriggers(host: ServiceHost): IdleLocker {
  powerMonitor.on('lock-screen', () => host.autoLock(POWER_LOCK_EVENTS['lock-screen']));
  // Electron has no 'lock-screen' on Linux; the screen locker's D-Bus signal stands in for it.
  if (process.platform === 'linux') {
    const stop = watchLinuxScreenLock(() => host.autoLock(POWER_LOCK_EVENTS['lock-screen']));
    app.on('will-quit', stop);
  }
  powerMonitor.on('suspend', () => host.autoLock(POWER_LOCK_EVENTS.suspend));
  const locker = new IdleLocker(
    () => powerMonitor.getSystemIdleTime(),
    () => host.lockPolicy(),
    (trigger) => host.autoLock(trigger),
  );
  locker.start();
  return locker;
}
