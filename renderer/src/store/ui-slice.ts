import type { StateCreator } from 'zustand';
import type { Store } from './store';

export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
}

export interface UiSlice {
  view: 'list' | 'add' | 'import';
  toast: Toast | null;
  setView(view: UiSlice['view']): void;
  showToast(message: string, tone?: Toast['tone']): void;
  dismissToast(): void;
}

let toastId = 0;

/** Which screen is open and the transient toast. */
export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  view: 'list',
  toast: null,
  setView: (view) => set({ view }),
  showToast: (message, tone = 'info') => set({ toast: { id: ++toastId, message, tone } }),
  dismissToast: () => set({ toast: null }),
});
