import type { UserErrorKind } from '../core/errors';
import type { AccountTextsResult } from '../core/importers/account-uris';
import type { FileReading } from '../core/importers/import-reader';
import type { SandboxAnswer, SandboxRequest } from './import-protocol';

/**
 * The shape of what a sandbox child answered, checked in main before anything reads it: a child
 * running hostile code could send any structured-clone value. Drafts' OTP fields are validated
 * again when saved (AuthenticatorService.applyImport), so this checks only what main reads first.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown) => typeof value === 'string';

const isIssue = (value: unknown) =>
  isRecord(value) && isText(value['where']) && isText(value['message']);

const isDraft = (value: unknown) =>
  isRecord(value) && isText(value['issuer']) && isText(value['account']) && isText(value['secret']);

function hasEntriesAndIssues(value: Record<string, unknown>): boolean {
  const { entries, issues } = value;
  return (
    Array.isArray(entries) &&
    entries.every(isDraft) &&
    Array.isArray(issues) &&
    issues.every(isIssue)
  );
}

/** True when `value` is a FileReading as the real child sends it. */
export function isFileReading(value: unknown): value is FileReading {
  if (!isRecord(value)) return false;
  if (value['importer'] !== undefined && !isText(value['importer'])) return false;
  if (value['state'] === 'locked')
    return isText(value['format']) && typeof value['guessed'] === 'boolean';
  const result = value['result'];
  return (
    value['state'] === 'read' &&
    isRecord(result) &&
    isText(result['format']) &&
    hasEntriesAndIssues(result)
  );
}

/** True when `value` is an AccountTextsResult as the real child sends it. */
export function isAccountTextsResult(value: unknown): value is AccountTextsResult {
  if (!isRecord(value) || !hasEntriesAndIssues(value)) return false;
  const { sources } = value;
  return sources === undefined || (Array.isArray(sources) && sources.every(isText));
}

/** True when `value` is what the real child answers to `request`. */
export const isAnswerTo = (request: SandboxRequest, value: unknown): boolean =>
  request.op === 'file' ? isFileReading(value) : isAccountTextsResult(value);

/** The kinds an importer throws; a child claiming another (say, keychain-unavailable: exit 3) is not believed. */
const IMPORT_ERROR_KINDS: readonly UserErrorKind[] = [
  'invalid-input',
  'unsupported-format',
  'password-required',
  'wrong-password',
  'integrity',
];

/** True when a child's error answer is one an importer gives: a known kind and one short text. */
export function isImportError(
  response: SandboxAnswer & { ok: false },
): response is { id: number; ok: false; kind: UserErrorKind; message: string } {
  return (
    IMPORT_ERROR_KINDS.includes(response.kind as UserErrorKind) &&
    'message' in response &&
    typeof response.message === 'string' &&
    response.message.length <= 2000
  );
}
