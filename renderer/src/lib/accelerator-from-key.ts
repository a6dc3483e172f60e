/** The pressed keys as an Electron accelerator (`CommandOrControl+Alt+O`), or null while only modifiers are down. */
export function acceleratorFromKey(event: {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}): string | null {
  let key: string | null = null;
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3);
  else if (/^Digit[0-9]$/.test(event.code)) key = event.code.slice(5);
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(event.key)) key = event.key;
  else if (event.key === ' ') key = 'Space';
  else if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key))
    key = event.key.slice(5);
  else if (['Home', 'End', 'PageUp', 'PageDown', 'Insert', 'Delete'].includes(event.key))
    key = event.key;
  else if (event.key.length === 1 && /[-=[\];',./`\\]/.test(event.key)) key = event.key;
  if (!key) return null;
  const parts = [
    event.ctrlKey || event.metaKey ? 'CommandOrControl' : null,
    event.altKey ? 'Alt' : null,
    event.shiftKey ? 'Shift' : null,
    key,
  ];
  return parts.filter(Boolean).join('+');
}
