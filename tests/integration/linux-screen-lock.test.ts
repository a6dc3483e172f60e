import { spawnSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { screenLockLineReader, watchLinuxScreenLock } from '../../electron/main/linux-screen-lock';

// Electron emits 'lock-screen' only on macOS and Windows; on Linux OTP Desk watches the screen
// locker's D-Bus signal. Here a real session bus (npm test's private one) carries a real signal.
const hasBus =
  process.platform === 'linux' &&
  Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']) &&
  spawnSync('dbus-monitor', ['--help']).error === undefined;

describe('locking when the screen locks on Linux', () => {
  it('reads ActiveChanged(true) from dbus-monitor, and nothing else', () => {
    let locks = 0;
    const read = screenLockLineReader(() => (locks += 1));
    const header = (member: string) =>
      `signal time=1.0 sender=:1.5 -> destination=(null destination) serial=7 path=/org/gnome/ScreenSaver; interface=org.gnome.ScreenSaver; member=${member}`;
    [header('ActiveChanged'), '   boolean false'].forEach(read);
    [header('WakeUpScreen'), '   boolean true'].forEach(read);
    expect(locks).toBe(0);
    [header('ActiveChanged'), '   boolean true'].forEach(read);
    expect(locks).toBe(1);
  });

  it.skipIf(!hasBus)(
    'a GNOME or KDE screen-lock signal on the session bus locks (needs npm test’s D-Bus session)',
    async () => {
      let locks = 0;
      const stop = watchLinuxScreenLock(() => (locks += 1));
      try {
        await delay(300); // dbus-monitor subscribes
        for (const [path, iface] of [
          ['/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver'],
          ['/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver'],
        ])
          spawnSync('gdbus', [
            'emit',
            '--session',
            '--object-path',
            path!,
            '--signal',
            `${iface}.ActiveChanged`,
            'true',
          ]);
        const deadline = Date.now() + 5_000;
        while (locks < 2 && Date.now() < deadline) await delay(50);
        expect(locks).toBe(2);
      } finally {
        stop();
      }
    },
  );
});
