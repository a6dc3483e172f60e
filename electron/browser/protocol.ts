/**
 * What crosses the browser channel (extension ⇄ native host ⇄ app). The host only relays;
 * everything after pairing travels sealed (channel-crypto.ts). Nothing here ever carries a
 * secret: the app answers with a code for the page's own site, or with why not.
 */

/** The native messaging host name the extension connects to (and the manifest file's name). */
export const NATIVE_HOST_NAME = 'com.otpdesk.browser';

/** Requests older (or further in the future) than this are refused, as are repeated ones. */
export const MESSAGE_MAX_AGE_MS = 5_000;

/** Longest message the host relays either way (a fill request is well under 2 KB). */
export const MAX_WIRE_MESSAGE_BYTES = 64 * 1024;

/** The extension asks the app to pair: its public key and a name for the pairings list. */
export interface PairRequest {
  readonly kind: 'pair';
  readonly extensionKey: string;
  readonly name: string;
}

/** Any request after pairing. */
export interface SealedRequest {
  readonly kind: 'sealed';
  readonly pairingId: string;
  readonly iv: string;
  readonly data: string;
}

export type WireRequest = (PairRequest | SealedRequest) & { readonly id: number };

export type WireResponse = { readonly id: number } & (
  | { readonly kind: 'pairing'; readonly pairingId: string; readonly appKey: string }
  | { readonly kind: 'sealed'; readonly iv: string; readonly data: string }
  /** An unknown caller, a stale, replayed or tampered message: no detail beyond this line. */
  | { readonly kind: 'refused'; readonly message: string }
  /** The vault is locked, so the app can't check the pairing: it says only that. */
  | { readonly kind: 'locked'; readonly message: string }
);

/** The plaintext inside a sealed request. */
export interface RequestEnvelope {
  /** The sender's clock (ms since the epoch) when sealing. */
  readonly ts: number;
  readonly body: RequestBody;
}

export type RequestBody =
  | { readonly type: 'status' }
  /** pageUrl: the tab's top-level address; frameUrl: the frame the field is in (from the browser, not the page). */
  | { readonly type: 'fill'; readonly pageUrl: string; readonly frameUrl: string; readonly accountId?: string };

export interface AccountChoice {
  readonly id: string;
  readonly label: string;
}

export type ResponseBody =
  | { readonly type: 'status'; readonly paired: 'pending' | 'paired'; readonly locked: boolean }
  | { readonly type: 'code'; readonly code: string; readonly label: string; readonly validUntil: number }
  | { readonly type: 'choose'; readonly accounts: readonly AccountChoice[] }
  | { readonly type: 'refused'; readonly message: string }
  | { readonly type: 'locked'; readonly message: string };

/** The plaintext inside a sealed response. */
export interface ResponseEnvelope {
  readonly ts: number;
  readonly body: ResponseBody;
}

export const LOCKED_MESSAGE = 'OTP Desk is locked. Unlock it, then fill again.';
