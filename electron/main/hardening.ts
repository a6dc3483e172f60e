/**
 * Checks for a packaged build: no debugger, no remote debugging, no DevTools, a minimal menu.
 * The fuses in electron-builder.yml turn off Node's own --inspect; these cover Chromium's switches.
 */
const DEBUG_SWITCHES = [
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-allow-origins',
  '--js-flags',
];

/**
 * The first debugging switch on the command line, or null. A packaged app quits when there is one.
 * Chromium reads a switch after `--` or `-`, and on Windows also after `/`, in any case there
 * (base/command_line.cc kSwitchPrefixes), so every one of those spellings counts.
 */
export function forbiddenDebugSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = /^(?:--?|\/)([^=]+)/.exec(arg)?.[1]?.toLowerCase();
    if (name && DEBUG_SWITCHES.includes(`--${name}`)) return `--${name}`;
  }
  return null;
}

/** A menu item as Electron's Menu.buildFromTemplate takes it (the subset we use). */
export interface MenuItemSpec {
  readonly label?: string;
  readonly role?: string;
  readonly type?: 'separator';
  readonly submenu?: readonly MenuItemSpec[];
}

/**
 * The app menu: editing shortcuts (copy and paste in text fields) and, on macOS, the app menu to
 * quit. No View menu: no reload, zoom or "Toggle Developer Tools".
 */
export function minimalMenu(platform: NodeJS.Platform): MenuItemSpec[] {
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const window: MenuItemSpec = {
    label: 'Window',
    submenu: [{ role: 'minimize' }, { role: 'close' }],
  };
  if (platform === 'darwin') {
    return [
      {
        label: 'OTP Desk',
        submenu: [
          { role: 'about' },
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      edit,
      window,
    ];
  }
  return [{ label: 'File', submenu: [{ role: 'quit' }] }, edit];
}
