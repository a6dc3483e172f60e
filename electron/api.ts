/**
 * The one typed contract between the renderer and the main process, shared by the IPC
 * handlers, the preload, the renderer and the test bridge. Nothing here carries a secret
 * except the explicit reveal/export methods.
 */
import type { AccountSummary, HashAlgorithm, OtpType } from './core/account';
import type { UserErrorKind } from './core/errors';
import type { Settings } from './core/settings';
import type { ClockCheck } from './time-check';

/** Codes for one account at a moment; `validFrom`/`validUntil` are unix seconds (0 for hotp). */
export interface AccountCodes {
  readonly id: string;
  readonly code: string;
  readonly next: string;
  readonly validFrom: number;
  readonly validUntil: number;
}

/** Whether the vault is open, and if not, why and how it can be opened. */
export interface VaultStatus {
  readonly state: 'unlocked' | 'locked' | 'unavailable';
  /** When not unlocked: what is wrong and what to do. */
  readonly message?: string;
  readonly hasPassword: boolean;
  readonly vaultDir: string;
}

/** Fields of a new account as entered in the add form (the secret is validated in main). */
export interface NewAccountFields {
  readonly secret: string;
  readonly issuer: string;
  readonly account: string;
  readonly type?: OtpType;
  readonly algorithm?: HashAlgorithm;
  readonly digits?: number;
  readonly period?: number;
  readonly counter?: number;
}

/** What a user may change on an existing account. */
export interface AccountPatch {
  readonly issuer?: string;
  readonly account?: string;
  readonly group?: string;
  readonly icon?: string;
  readonly favorite?: boolean;
}

/** The API exposed to the renderer as `window.otpDesk`. Every method returns a promise of ApiResult. */
export interface OtpDeskApi {
  vault: {
    status(): VaultStatus;
    unlock(password: string): VaultStatus;
  };
  accounts: {
    list(): AccountSummary[];
    addUri(uri: string): AccountSummary;
    addFields(fields: NewAccountFields): AccountSummary;
    update(id: string, patch: AccountPatch): AccountSummary;
    remove(id: string): void;
    restore(id: string): AccountSummary;
    reorder(ids: string[]): void;
    advanceCounter(id: string): void;
    markUsed(id: string): void;
  };
  codes: {
    /** Codes for every account at `atMs` (milliseconds, the renderer's clock; the service adds the user's offset). */
    at(atMs: number): AccountCodes[];
  };
  settings: {
    get(): Settings;
    /** Validates and stores the changed fields; returns the settings now in force. */
    set(patch: Partial<Settings>): Settings;
  };
  clock: {
    /** Compares the system clock with the HTTP Date of the server set in settings (only when the check is on). */
    check(): ClockCheck;
  };
  clipboard: {
    /** Clears the system clipboard if it still holds `text` (true when it did); fails where main has no clipboard. */
    clearIf(text: string): boolean;
  };
}

/** Method names per namespace, the runtime twin of OtpDeskApi (checked against it below). */
export const API_METHODS = {
  vault: ['status', 'unlock'],
  accounts: ['list', 'addUri', 'addFields', 'update', 'remove', 'restore', 'reorder', 'advanceCounter', 'markUsed'],
  codes: ['at'],
  settings: ['get', 'set'],
  clock: ['check'],
  clipboard: ['clearIf'],
} as const satisfies { [N in keyof OtpDeskApi]: readonly (keyof OtpDeskApi[N])[] };

// Compile-time check that every method of OtpDeskApi is listed in API_METHODS.
type Listed = { [N in keyof typeof API_METHODS]: (typeof API_METHODS)[N][number] };
type AllListed = { [N in keyof OtpDeskApi]: Exclude<keyof OtpDeskApi[N], Listed[N]> }[keyof OtpDeskApi];
const _everyMethodListed: [AllListed] extends [never] ? true : false = true;
void _everyMethodListed;

/** A failure the user can read; `internal` hides anything unexpected (details go to the main log only). */
export interface ApiError {
  readonly kind: UserErrorKind | 'internal';
  readonly message: string;
}

/** Every call crosses process boundaries as a value, so error kinds survive IPC and the bridge. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

type Method = (...args: never[]) => unknown;
type Remote<F> = F extends Method ? (...args: Parameters<F>) => Promise<ApiResult<ReturnType<F>>> : never;

/** The shape of `window.otpDesk`: each method of OtpDeskApi, async and wrapped in ApiResult. */
export type RemoteApi = { readonly [N in keyof OtpDeskApi]: { readonly [M in keyof OtpDeskApi[N]]: Remote<OtpDeskApi[N][M]> } } & {
  /** Subscribes to "the vault changed" (another process wrote it, or a method changed it). Returns unsubscribe. */
  readonly onChanged: (listener: () => void) => () => void;
};

/** The handlers main registers: same names, may be async. Arguments arrive unchecked (unknown). */
export type ApiHandlers = {
  readonly [N in keyof OtpDeskApi]: {
    readonly [M in keyof OtpDeskApi[N]]: (...args: unknown[]) => Promise<ReturnType<Extract<OtpDeskApi[N][M], Method>>> | ReturnType<Extract<OtpDeskApi[N][M], Method>>;
  };
};

/** The IPC channel of a method, e.g. `otp-desk:accounts.list`. */
export function apiChannel(namespace: string, method: string): string {
  return `otp-desk:${namespace}.${method}`;
}

/** The channel main uses to tell renderers the vault changed. */
export const CHANGED_CHANNEL = 'otp-desk:changed';
