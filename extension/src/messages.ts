import type { AccountChoice } from '../../electron/browser/protocol';

/** Content script → service worker: fill the field this frame found (the worker knows the frame's address from the browser). */
export interface FillMessage {
  readonly type: 'otp-desk-fill';
  readonly accountId?: string;
}

/** Service worker → content script: look for the field and fill it. */
export interface TriggerMessage {
  readonly type: 'otp-desk-trigger';
}

/** Popup → service worker. */
export type PopupMessage = { readonly type: 'otp-desk-status' } | { readonly type: 'otp-desk-pair' } | { readonly type: 'otp-desk-forget' };

export type FillReply =
  | { readonly kind: 'code'; readonly code: string; readonly label: string }
  | { readonly kind: 'choose'; readonly accounts: readonly AccountChoice[] }
  | { readonly kind: 'message'; readonly message: string };

/** What the popup shows. */
export interface PopupState {
  readonly paired: 'no' | 'pending' | 'yes';
  /** The 6 digits to compare with OTP Desk while pairing. */
  readonly code?: string;
  readonly message?: string;
  /** Why the last fill did not happen (also shown on the page). */
  readonly lastMessage?: string;
}
