/**
 * Keyboard shortcuts in Electron's accelerator syntax (`CommandOrControl+Alt+O`), checked without
 * Electron so settings can be validated anywhere. https://www.electronjs.org/docs/latest/api/accelerator
 */

/** Opens the quick-copy panel: Ctrl+Alt+O on Windows and Linux, Cmd+Option+O on macOS. */
export const DEFAULT_GLOBAL_SHORTCUT = 'CommandOrControl+Alt+O';

const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

const isKey = (part: string): boolean =>
  /^[a-z0-9]$/i.test(part) ||
  /^f([1-9]|1[0-9]|2[0-4])$/i.test(part) ||
  /^[)!@#$%^&*(:;<=>?_~{}|"',./`[\]\\-]$/.test(part) ||
  NAMED_KEYS.has(part.toLowerCase());

/**
 * True for a shortcut another app's keystrokes can't collide with by accident: one key plus at
 * least one modifier other than Shift (a bare letter would swallow that letter everywhere).
 */
export function isGlobalAccelerator(value: string): boolean {
  if (value.length === 0 || value.length > 60) return false;
  const parts = value.split('+');
  // "Ctrl+Plus" names the + key; a literal trailing "+" splits into an empty part.
  if (parts.some((p) => p === '')) return false;
  const key = parts[parts.length - 1]!;
  const modifiers = parts.slice(0, -1).map((m) => m.toLowerCase());
  if (!isKey(key) || modifiers.length === 0) return false;
  if (!modifiers.every((m) => MODIFIERS.has(m))) return false;
  if (new Set(modifiers).size !== modifiers.length) return false;
  return modifiers.some((m) => m !== 'shift');
}

const MAC_NAMES: Record<string, string> = {
  commandorcontrol: 'Cmd',
  cmdorctrl: 'Cmd',
  command: 'Cmd',
  cmd: 'Cmd',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: 'Option',
  option: 'Option',
  shift: 'Shift',
  super: 'Cmd',
  meta: 'Cmd',
};
const OTHER_NAMES: Record<string, string> = {
  commandorcontrol: 'Ctrl',
  cmdorctrl: 'Ctrl',
  command: 'Super',
  cmd: 'Super',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

/** The shortcut as the user's OS writes it: `Cmd+Option+O` on macOS, `Ctrl+Alt+O` elsewhere. */
export function acceleratorLabel(accelerator: string, platform: string): string {
  const names = platform === 'darwin' ? MAC_NAMES : OTHER_NAMES;
  return accelerator
    .split('+')
    .map((part) => names[part.toLowerCase()] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}
