import type { StateCreator } from 'zustand';
import type { Store } from './store';

/** A button offered with a toast, e.g. Undo after a delete. */
export interface ToastAction {
  readonly label: string;
  readonly run: () => Promise<void> | void;
}

export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: ToastAction;
  /** When it was shown: a toast belongs to its screen, or to the one the action that raised it opens. */
  readonly shownAt: number;
}

/** A view change this long after a toast leaves the toast behind (sooner, the toast's action led there). */
const TOAST_FOLLOWS_MS = 1000;

/**
 * Screens. Other features add their view here and one entry in App's view switch.
 * 'pair' shows two consecutive codes of `pairId`.
 */
export type View = 'list' | 'add' | 'settings' | 'pair' | 'import' | 'backups';

export interface UiSlice {
  view: View;
  pairId: string | null;
  editId: string | null;
  /** The account whose deletion is being confirmed. */
  deleteId: string | null;
  helpOpen: boolean;
  query: string;
  group: string;
  /** The row with keyboard focus in the list. */
  focusedId: string | null;
  toast: Toast | null;
  /** A part of Settings to bring into view and focus when Settings opens (the password offers). */
  settingsSection: 'security' | null;
  setView(view: View): void;
  /** Opens Settings at its Security section, where the vault password is set. */
  openSecuritySettings(): void;
  clearSettingsSection(): void;
  openPair(id: string): void;
  setEditId(id: string | null): void;
  setDeleteId(id: string | null): void;
  setHelpOpen(open: boolean): void;
  setQuery(query: string): void;
  setGroup(group: string): void;
  setFocusedId(id: string | null): void;
  showToast(message: string, tone?: Toast['tone'], action?: ToastAction): void;
  dismissToast(): void;
}

let toastId = 0;

/** Which screen and dialog are open, the search, the focused row and the transient toast. */
export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  view: 'list',
  pairId: null,
  editId: null,
  deleteId: null,
  helpOpen: false,
  query: '',
  group: '',
  focusedId: null,
  toast: null,
  settingsSection: null,
  setView: (view) =>
    set((s) => ({
      view,
      toast: s.toast && Date.now() - s.toast.shownAt > TOAST_FOLLOWS_MS ? null : s.toast,
    })),
  openSecuritySettings: () => set({ view: 'settings', settingsSection: 'security' }),
  clearSettingsSection: () => set({ settingsSection: null }),
  // The list row stays the focused one, so leaving the pair view returns focus to it.
  openPair: (id) => set({ view: 'pair', pairId: id, focusedId: id }),
  setEditId: (editId) => set({ editId }),
  setDeleteId: (deleteId) => set({ deleteId }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setQuery: (query) => set({ query }),
  setGroup: (group) => set({ group }),
  setFocusedId: (focusedId) => set({ focusedId }),
  showToast: (message, tone = 'info', action) =>
    set({ toast: { id: ++toastId, message, tone, action, shownAt: Date.now() } }),
  dismissToast: () => set({ toast: null }),
});
