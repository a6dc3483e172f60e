import type { UserErrorKind } from '../core/errors';
import type { ImportSource } from '../core/format/importer';
import type { AccountText, AccountTextsResult } from '../core/importers/account-uris';
import type { FileReading } from '../core/importers/import-reader';

/** What main asks the import sandbox's child process: one file (with its password, if any) or a set of pasted texts. */
export type SandboxRequest =
  | {
      readonly id: number;
      readonly op: 'file';
      readonly source: ImportSource;
      readonly password?: string;
    }
  | { readonly id: number; readonly op: 'texts'; readonly items: readonly AccountText[] };

/** The child's answer: drafts (plain data) or a UserError's kind and message; nothing else crosses. */
export type SandboxResponse =
  | { readonly id: number; readonly ok: true; readonly value: FileReading | AccountTextsResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly kind: UserErrorKind;
      readonly message: string;
    }
  | { readonly id: number; readonly ok: false; readonly kind: 'unexpected' };
