import type { UserErrorKind } from '../core/errors';
import type { ImportSource } from '../core/format/importer';
import type { AccountText, AccountTextsResult } from '../core/importers/account-uris';
import type { FileReading, ReadFileOptions } from '../core/importers/import-reader';
import type { KdfCost } from '../core/limits/kdf-cost';

/** What main asks the import sandbox's child process: one file (with its password, if any) or a set of pasted texts. */
export type SandboxRequest =
  | {
      readonly id: number;
      readonly op: 'file';
      readonly source: ImportSource;
      readonly password?: string;
      readonly options?: ReadFileOptions;
    }
  | { readonly id: number; readonly op: 'texts'; readonly items: readonly AccountText[] }
  /** Main made room for the KDF the child announced for request `id`: it may run it now. */
  | { readonly id: number; readonly op: 'kdf-granted' };

/**
 * The child's answer: drafts (plain data) or a UserError's kind and message; nothing else crosses.
 * Before a KDF a file declares, it first announces the KDF's cost (checked by the limits) and waits
 * for 'kdf-granted', so main raises the memory and time caps for that file before the memory is used.
 */
export type SandboxResponse = SandboxAnswer | KdfAnnouncement;

/** The child is about to run a KDF of this cost for request `id`, and waits for 'kdf-granted'. */
export interface KdfAnnouncement {
  readonly id: number;
  readonly op: 'kdf';
  readonly cost: KdfCost;
}

/** The child's final answer to one request. */
export type SandboxAnswer =
  | { readonly id: number; readonly ok: true; readonly value: FileReading | AccountTextsResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly kind: UserErrorKind;
      readonly message: string;
    }
  | { readonly id: number; readonly ok: false; readonly kind: 'unexpected' };
