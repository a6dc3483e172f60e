import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Electron emits powerMonitor 'lock-screen' on macOS and Windows only. On Linux the screen
 * lockers announce it on the session bus: org.freedesktop.ScreenSaver (KDE, Xfce and others),
 * org.gnome.ScreenSaver (GNOME), org.cinnamon.ScreenSaver and org.mate.ScreenSaver, each with an
 * ActiveChanged(true) signal. dbus-monitor (in every desktop's dbus package) watches for it.
 */
const LOCKER_INTERFACES = [
  'org.freedesktop.ScreenSaver',
  'org.gnome.ScreenSaver',
  'org.cinnamon.ScreenSaver',
  'org.mate.ScreenSaver',
];

export const SCREEN_LOCK_MATCH_RULES = LOCKER_INTERFACES.map(
  (name) => `type='signal',interface='${name}',member='ActiveChanged'`,
);

/**
 * Reads dbus-monitor's output line by line and calls `onLock` for every ActiveChanged(true):
 * a signal line naming the member, then its argument line `boolean true`.
 */
export function screenLockLineReader(onLock: () => void): (line: string) => void {
  let inActiveChanged = false;
  return (line) => {
    if (/^signal /.test(line)) inActiveChanged = /member=ActiveChanged\b/.test(line);
    else if (inActiveChanged && /^\s+boolean true\s*$/.test(line)) {
      inActiveChanged = false;
      onLock();
    }
  };
}

/** Starts watching; returns the stop function. Without dbus-monitor or a session bus it warns once and does nothing. */
export function watchLinuxScreenLock(onLock: () => void, command = 'dbus-monitor'): () => void {
  let child: ChildProcess;
  try {
    child = spawn(command, ['--session', ...SCREEN_LOCK_MATCH_RULES], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return () => undefined;
  }
  child.on('error', (error) =>
    console.warn(
      `[lock] screen-lock watch unavailable (${error.message}); idle and suspend still lock`,
    ),
  );
  const read = screenLockLineReader(onLock);
  let rest = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach(read);
  });
  return () => {
    if (child.exitCode === null) child.kill();
  };
}
