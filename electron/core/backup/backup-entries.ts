import { randomUUID } from 'node:crypto';
import type { AccountDraft } from '../otp/account';
import { invalidInput } from '../errors';
import {
  buildImportEntry,
  collectEntries,
  describeEntry,
  type CollectedEntries,
} from '../format/entry-builder';
import {
  asArray,
  asRecord,
  numberField,
  textField,
  type JsonRecord,
} from '../format/json-fields';

/** Vault content version Aegis writes since groups became a list (Aegis 3.0). */
export const AEGIS_CONTENT_VERSION = 3;

/** An account to back up: a draft, or a stored Account with its group, favourite flag and id. */
export interface BackupAccount extends AccountDraft {
  readonly id?: string;
  readonly group?: string;
  readonly favorite?: boolean;
  readonly note?: string;
}

/** An account read from a backup, with the organisation data Aegis keeps. */
export interface BackupEntry extends AccountDraft {
  readonly group: string;
  readonly favorite: boolean;
  readonly note: string;
  /** Aegis's own id of the entry (stable across its backups: following a phone keys accounts by it). */
  readonly uuid?: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function aegisEntry(account: BackupAccount, groupIds: ReadonlyMap<string, string>): JsonRecord {
  const info =
    account.type === 'hotp'
      ? {
          secret: account.secret,
          algo: account.algorithm,
          digits: account.digits,
          counter: account.counter,
        }
      : {
          secret: account.secret,
          algo: account.algorithm,
          digits: account.digits,
          period: account.period,
        };
  const groupId = account.group ? groupIds.get(account.group) : undefined;
  return {
    type: account.type,
    // Reuse a stored account's UUID so successive backups of the same account line up in Aegis.
    uuid: account.id && UUID_PATTERN.test(account.id) ? account.id.toLowerCase() : randomUUID(),
    name: account.account,
    issuer: account.issuer,
    note: account.note ?? '',
    favorite: account.favorite ?? false,
    // Aegis requires the key; our icons are slugs, not the JPEG/PNG/SVG bytes Aegis stores.
    icon: null,
    info,
    groups: groupId ? [groupId] : [],
  };
}

/** Builds the Aegis vault content (`db`): version 3 with entries and a groups list. */
export function toAegisContent(accounts: readonly BackupAccount[]): JsonRecord {
  const groupIds = new Map<string, string>();
  for (const account of accounts) {
    if (account.group && !groupIds.has(account.group)) groupIds.set(account.group, randomUUID());
  }
  return {
    version: AEGIS_CONTENT_VERSION,
    entries: accounts.map((account) => aegisEntry(account, groupIds)),
    groups: [...groupIds].map(([name, uuid]) => ({ uuid, name })),
  };
}

function groupNameOf(entry: JsonRecord, groupNames: ReadonlyMap<string, string>): string {
  const ids = asArray(entry.groups);
  if (ids) {
    // OTP Desk keeps one group per account; Aegis allows several, so the first named one wins.
    for (const id of ids) {
      const name = typeof id === 'string' ? groupNames.get(id) : undefined;
      if (name) return name;
    }
    return '';
  }
  return textField(entry, 'group') ?? ''; // content versions 1-2 stored the group name inline
}

function fromAegisEntry(
  entry: JsonRecord | undefined,
  groupNames: ReadonlyMap<string, string>,
): BackupEntry {
  if (!entry) throw invalidInput('The entry is not a JSON object, so it was skipped.');
  const info = asRecord(entry.info);
  if (!info)
    throw invalidInput('The entry has no "info" with its OTP settings, so it was skipped.');
  const draft = buildImportEntry({
    type: textField(entry, 'type'),
    secret: textField(info, 'secret'),
    algorithm: textField(info, 'algo'),
    digits: numberField(info, 'digits'),
    period: numberField(info, 'period'),
    counter: numberField(info, 'counter'),
    issuer: textField(entry, 'issuer'),
    account: textField(entry, 'name'),
  });
  return {
    ...draft,
    group: groupNameOf(entry, groupNames),
    favorite: entry.favorite === true,
    note: textField(entry, 'note') ?? '',
    ...(UUID_PATTERN.test(textField(entry, 'uuid') ?? '') ? { uuid: textField(entry, 'uuid')!.toLowerCase() } : {}),
  };
}

/** Reads Aegis vault content (versions 1-3); each bad entry becomes an issue. */
export function fromAegisContent(content: JsonRecord): CollectedEntries<BackupEntry> {
  const version = content.version;
  if (typeof version !== 'number' || version < 1 || version > AEGIS_CONTENT_VERSION) {
    throw invalidInput(
      `This Aegis backup uses content version ${String(version).slice(0, 8)}, which OTP Desk does not read yet. Update OTP Desk, or export again from Aegis.`,
    );
  }
  const entries = asArray(content.entries);
  if (!entries)
    throw invalidInput(
      'This Aegis backup has no list of entries. Export it again from Aegis; nothing was imported.',
    );
  const groupNames = new Map<string, string>();
  for (const group of asArray(content.groups) ?? []) {
    const record = asRecord(group);
    const uuid = textField(record, 'uuid');
    const name = textField(record, 'name');
    if (uuid && name) groupNames.set(uuid, name);
  }
  return collectEntries(
    entries,
    (item) => fromAegisEntry(asRecord(item), groupNames),
    (item, index) =>
      describeEntry(index, textField(asRecord(item), 'issuer'), textField(asRecord(item), 'name')),
  );
}
