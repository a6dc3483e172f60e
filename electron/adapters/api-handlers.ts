import type { AccountPatch, ApiError, ApiHandlers, ApiResult, ImportAction, ImportDecision, NewAccountFields, ScreenCapture } from '../api';
import type { OtpType } from '../core/otp/account';
import { invalidInput, isUserError, UserError } from '../core/errors';
import { buildDraft } from '../core/otp/draft';
import { parseOtpauthUri } from '../core/otp/otpauth';
import { asFiniteNumber, asOptionalNumber, asOptionalString, asRecord, asString, asStringArray } from './guards';
import { unlockWithIdentity } from './age-handlers';
import { createBackupHandlers, type BackupPlatform } from './backup-handlers';
import { createBrowserHandlers, type BrowserPlatform } from './browser-handlers';
import { createSyncHandlers } from './sync-handlers';
import { createDeskHandlers, type DeskPlatform } from './desk-handlers';
import { createDesktopHandlers, type DesktopPlatform } from './desktop-handlers';
import type { ServiceHost } from './service-host';
import { INPUT_LIMITS } from '../core/limits/input-limits';
import { confirmInMain } from '../lock/secret-release';

function patchFrom(value: unknown): AccountPatch {
  const r = asRecord(value, 'account changes');
  return {
    issuer: asOptionalString(r['issuer'], 'issuer'),
    account: asOptionalString(r['account'], 'account name'),
    group: asOptionalString(r['group'], 'group'),
    icon: asOptionalString(r['icon'], 'icon'),
    favorite: r['favorite'] === undefined ? undefined : Boolean(r['favorite']),
  };
}

function fieldsFrom(value: unknown): NewAccountFields {
  const r = asRecord(value, 'account fields');
  return {
    secret: asString(r['secret'], 'secret key', 1_000),
    issuer: asOptionalString(r['issuer'], 'issuer') ?? '',
    account: asOptionalString(r['account'], 'account name') ?? '',
    type: asOptionalString(r['type'], 'type') as OtpType | undefined,
    algorithm: asOptionalString(r['algorithm'], 'algorithm') as NewAccountFields['algorithm'],
    digits: asOptionalNumber(r['digits'], 'digits'),
    period: asOptionalNumber(r['period'], 'period'),
    counter: asOptionalNumber(r['counter'], 'counter'),
  };
}

/** A little above the sandbox's 50 MB, so an oversized file gets the sandbox's message naming the limit. */
const MAX_IMPORT_BYTES = INPUT_LIMITS.fileBytes + 1024 * 1024;
const ACTIONS: readonly ImportAction[] = ['add', 'skip', 'replace', 'keep-both'];

function importFilesFrom(value: unknown) {
  if (!Array.isArray(value)) throw invalidInput('Expected a list of files.');
  return value.map((item) => {
    const r = asRecord(item, 'a file');
    const data = asString(r['dataBase64'], 'file data', Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4);
    return { fileName: asString(r['fileName'], 'file name', 500), bytes: new Uint8Array(Buffer.from(data, 'base64')) };
  });
}

function importTextsFrom(value: unknown) {
  if (!Array.isArray(value)) throw invalidInput('Expected a list of texts.');
  return value.map((item) => {
    const r = asRecord(item, 'a text');
    return { source: asString(r['source'], 'source', 500), text: asString(r['text'], 'text', 1_000_000) };
  });
}

function decisionsFrom(value: unknown): ImportDecision[] {
  if (!Array.isArray(value)) throw invalidInput('Expected a list of decisions.');
  return value.map((item) => {
    const r = asRecord(item, 'a decision');
    const action = asString(r['action'], 'action') as ImportAction;
    if (!ACTIONS.includes(action)) throw invalidInput(`Unknown import action "${action.slice(0, 20)}".`);
    return { key: asString(r['key'], 'key'), action, issuer: asOptionalString(r['issuer'], 'issuer'), account: asOptionalString(r['account'], 'account name') };
  });
}

/** What the app adds beyond the desk platform: screen capture (the test bridge has none). */
export interface AppPlatform extends DeskPlatform, BackupPlatform, DesktopPlatform, BrowserPlatform {
  readonly captureScreens?: () => Promise<ScreenCapture[]>;
}

/**
 * Namespaces that touch accounts, secrets or what is on screen and in the clipboard (a code, a QR
 * code), paired browsers and their sites, or the sync folder and its devices: while the vault is
 * locked each of their calls fails with vault-locked.
 */
const VAULT_NAMESPACES = ['accounts', 'codes', 'imports', 'exports', 'backups', 'clipboard', 'screen', 'browser', 'sync'] as const;

/** Makes every method of the vault namespaces check the lock first (before even reading arguments). */
function guardLocked(host: ServiceHost, handlers: ApiHandlers): ApiHandlers {
  const guarded = { ...handlers } as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>;
  for (const namespace of VAULT_NAMESPACES) {
    const group = handlers[namespace] as Record<string, (...args: unknown[]) => unknown>;
    guarded[namespace] = Object.fromEntries(
      Object.entries(group).map(([method, handler]) => [
        method,
        (...args: unknown[]) => {
          host.get();
          return handler(...args);
        },
      ]),
    );
  }
  return guarded as unknown as ApiHandlers;
}

/** The Api implemented over the service host; every argument is narrowed from unknown first. */
export function createApiHandlers(host: ServiceHost, platform: AppPlatform = {}): ApiHandlers {
  const service = () => host.get();
  return guardLocked(host, {
    vault: {
      status: () => host.status(),
      unlock: (password) => host.unlock(asString(password, 'password', 1_000)),
      recover: (from, backupPassword) => host.recover(from === 'backup' ? 'backup' : 'previous', asOptionalString(backupPassword, 'backup password')),
      setPassword: (newPassword, currentPassword) =>
        host.setPassword(asString(newPassword, 'new password', 1_000), asOptionalString(currentPassword, 'current password')),
      removePassword: (currentPassword) => host.removePassword(asString(currentPassword, 'current password', 1_000)),
      lock: () => host.lock(),
      unlockWithSystemAuth: () => host.unlockWithSystemAuth(),
    },
    accounts: {
      list: () => service().listAccounts(),
      addUri: (uri) => service().addAccount(parseOtpauthUri(asString(uri, 'otpauth URI'))),
      addFields: (fields) => service().addAccount(buildDraft(fieldsFrom(fields))),
      update: (id, patch) => service().updateAccount(asString(id, 'account id'), patchFrom(patch)),
      remove: (id) => service().removeAccount(asString(id, 'account id')),
      restore: (id) => service().restoreAccount(asString(id, 'account id')),
      reorder: (ids) => service().reorder(asStringArray(ids, 'account ids')),
      advanceCounter: async (id) => {
        await service().advanceCounter(asString(id, 'account id'));
      },
      markUsed: (id) => service().markUsed(asString(id, 'account id')),
    },
    imports: {
      previewFiles: (files, into) => host.imports().previewFiles(importFilesFrom(files), asOptionalString(into, 'import id')),
      previewTexts: (texts, into) => host.imports().previewTexts(importTextsFrom(texts), asOptionalString(into, 'import id')),
      unlock: (id, password) => host.imports().unlock(asString(id, 'import id'), asString(password, 'password', 1_000)),
      unlockWithIdentity: (id, identity, name, passphrase) => unlockWithIdentity(host.imports(), id, identity, name, passphrase),
      commit: (id, decisions) => host.imports().commit(asString(id, 'import id'), decisionsFrom(decisions)),
      discard: (id) => host.imports().discard(asString(id, 'import id')),
    },
    codes: {
      at: (atMs) => service().codesNear(asFiniteNumber(atMs, 'time')),
    },
    ...createDeskHandlers(host, platform),
    ...createSyncHandlers(host, platform),
    ...createBackupHandlers(host, platform),
    ...createDesktopHandlers(host, platform),
    ...createBrowserHandlers(host, platform),
    screen: {
      capture: async () => {
        if (!platform.captureScreens) throw new UserError('io', 'Screen capture is not available here. Take a screenshot and drop it on the window, or use Open files.');
        // A picture of the screen can hold other apps' codes and QR codes: the user starts it, in main.
        await confirmInMain({ action: 'screen-capture', what: 'your screen' }, platform.confirmSecretRelease);
        return platform.captureScreens();
      },
    },
  });
}

/**
 * Calls a handler and turns the outcome into an ApiResult. Unexpected errors are logged by
 * name only (their text may echo input) and reach the renderer as a generic message.
 */
export async function toApiResult<T>(call: () => Promise<T> | T, log: (line: string) => void = console.error): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (isUserError(error)) return { ok: false, error: { kind: error.kind, message: error.message } };
    log(`otp-desk: unexpected ${(error as Error)?.name ?? 'error'} in an API call`);
    const internal: ApiError = { kind: 'internal', message: 'Something went wrong inside OTP Desk. Nothing was changed; try again, and restart the app if it persists.' };
    return { ok: false, error: internal };
  }
}

/** Looks up a handler by namespace and method name, or undefined for names outside the contract. */
export function findHandler(handlers: ApiHandlers, namespace: string, method: string): ((...args: unknown[]) => unknown) | undefined {
  const group = (handlers as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[namespace];
  return group && Object.hasOwn(group, method) ? group[method] : undefined;
}
