import { useEffect, type RefObject } from 'react';
import { lockNow } from '../lib/lock-now';
import { useStore } from '../store/store';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Window-wide shortcuts: / or Ctrl/Cmd+F search, ? help, Esc back to the codes, Ctrl+Z undo
 * a delete, Ctrl+N add, Ctrl+, settings, Ctrl+L lock. Dialogs handle their own Esc.
 */
export function useGlobalKeys(search: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const s = useStore.getState();
      // Lock works from anywhere, dialogs included, but only while unlocked.
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l' && s.status?.state === 'unlocked') {
        event.preventDefault();
        return lockNow();
      }
      if (s.helpOpen || s.editId || s.deleteId || event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      const typing = isTyping(event.target);
      const go = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if ((mod && event.key.toLowerCase() === 'f') || (event.key === '/' && !typing)) {
        go(() => {
          // On the list the box is there now: focus it at once, so keys typed right after
          // the / land in it, not on the list (where j, k or e would act on accounts).
          if (s.view === 'list' && search.current) return search.current.focus();
          s.setView('list');
          requestAnimationFrame(() => search.current?.focus());
        });
      } else if (event.key === '?' && !typing) go(() => s.setHelpOpen(true));
      else if (mod && event.key.toLowerCase() === 'z' && !typing && s.toast?.action)
        go(() => void s.toast?.action?.run());
      else if (mod && event.key.toLowerCase() === 'n') go(() => s.setView('add'));
      else if (mod && event.key === ',') go(() => s.setView('settings'));
      else if (event.key === 'Escape' && s.view !== 'list') go(() => s.setView('list'));
      else if (event.key === 'Escape' && s.query) go(() => s.setQuery(''));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search]);
}
