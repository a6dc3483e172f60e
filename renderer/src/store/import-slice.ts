import type { StateCreator } from 'zustand';
import type {
  ImportAction,
  ImportDecision,
  ImportOutcome,
  ImportPreview,
  ImportProblem,
  ImportText,
} from '../../../electron/api';
import { ApiFailure, call, messageOf, remote } from '../api';
import { base64ToBlob, gatherImport, type GatheredImport, type ImportItem } from './import-gather';
import { classifyPastedText } from './pasted-text';
import type { Store } from './store';

/** The user's choice for one candidate; names only when edited. */
export interface CandidateChoice {
  readonly action: ImportAction;
  readonly issuer?: string;
  readonly account?: string;
}

export interface ImportSlice {
  importPreview: ImportPreview | null;
  /** Problems found before main saw anything (no QR code in a photo, a file too large). */
  importLocalProblems: readonly ImportProblem[];
  importChoices: Readonly<Record<string, CandidateChoice>>;
  /** What is being read right now, for the busy line; null when idle. */
  importBusy: string | null;
  importError: string;
  importPasswordError: string;
  /** A key pasted outside the add form, for the add form to start with. */
  pendingKey: string | null;
  importItems(items: readonly ImportItem[]): Promise<void>;
  importPastedText(text: string): Promise<void>;
  /** Links opened from the OS (otpauth://, otpauth-migration://): read into the review, never added directly. */
  importLinks(texts: readonly ImportText[]): Promise<void>;
  scanScreen(): Promise<void>;
  unlockImport(password: string): Promise<void>;
  /** Opens age files with an identity's text (sent to main, never kept here); 'passphrase' when its SSH key needs one. */
  unlockImportWithIdentity(identity: string, name: string, passphrase?: string): Promise<'opened' | 'passphrase' | 'failed'>;
  chooseForCandidate(key: string, choice: Partial<CandidateChoice>): void;
  commitImport(): Promise<ImportOutcome | undefined>;
  cancelImport(): Promise<void>;
  setPendingKey(key: string | null): void;
}

const idle = {
  importPreview: null,
  importLocalProblems: [],
  importChoices: {},
  importBusy: null,
  importError: '',
  importPasswordError: '',
} as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The import review: what was found (without secrets), the user's choices, and saving them at once. */
export const createImportSlice: StateCreator<Store, [], [], ImportSlice> = (set, get) => {
  /** Sends gathered files and texts to main, joining the open review if there is one. */
  async function preview(gathered: GatheredImport): Promise<void> {
    let id = get().importPreview?.id;
    let next: ImportPreview | undefined;
    if (gathered.files.length > 0)
      next = await call(remote.imports.previewFiles(gathered.files, id));
    id = next?.id ?? id;
    if (gathered.texts.length > 0 || !next)
      next = await call(remote.imports.previewTexts(gathered.texts, id));
    set({
      importPreview: next,
      importLocalProblems: [...get().importLocalProblems, ...gathered.problems],
    });
  }

  let chain: Promise<void> = Promise.resolve();
  /** Runs one reading job after the previous one, so a second drop joins the first drop's review. */
  function busy(label: string, work: () => Promise<void>): Promise<void> {
    chain = chain.then(async () => {
      set({ importBusy: label, importError: '', view: 'import' });
      try {
        await work();
      } catch (error) {
        set({ importError: messageOf(error) });
      } finally {
        set({ importBusy: null });
      }
    });
    return chain;
  }

  return {
    ...idle,
    pendingKey: null,
    importItems: (items) =>
      busy(`Reading ${plural(items.length, 'file')}…`, async () =>
        preview(await gatherImport(items, (line) => console.debug(line))),
      ),
    async importPastedText(text) {
      const pasted = classifyPastedText(text);
      if (pasted.kind === 'key') return set({ pendingKey: pasted.key, view: 'add' });
      if (pasted.kind === 'links') {
        const ignored = pasted.ignoredLines;
        const problems: ImportProblem[] =
          ignored.length > 0
            ? [
                {
                  scope: 'entry',
                  source: 'Pasted text',
                  message: `${ignored.length === 1 ? 'Line' : 'Lines'} ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} not an otpauth:// link and ${ignored.length === 1 ? 'was' : 'were'} left out.`,
                },
              ]
            : [];
        return busy('Reading the pasted link…', () =>
          preview({ files: [], texts: pasted.texts, problems }),
        );
      }
      if (pasted.kind === 'export')
        return get().importItems([
          { name: 'Pasted text', blob: new Blob([text], { type: 'text/plain' }) },
        ]);
      get().showToast('The clipboard holds no QR image, key or otpauth link.', 'error');
    },
    importLinks: (texts) =>
      busy(`Reading ${plural(texts.length, 'opened link')}…`, () =>
        preview({ files: [], texts: [...texts], problems: [] }),
      ),
    scanScreen: () =>
      busy('Looking for QR codes on your screens…', async () => {
        const captures = await call(remote.screen.capture());
        const items = captures.map((c) => ({
          name: captures.length > 1 ? c.label : 'your screen',
          blob: base64ToBlob(c.pngBase64, 'image/png'),
        }));
        await preview(await gatherImport(items, (line) => console.debug(line)));
      }),
    async unlockImport(password) {
      const id = get().importPreview?.id;
      if (!id) return;
      set({ importPasswordError: '' });
      try {
        set({ importPreview: await call(remote.imports.unlock(id, password)) });
      } catch (error) {
        // A file only guessed to be a backup gets main's words: the file itself may be the problem.
        const guessed = get().importPreview?.locked.some((l) => l.note) ?? false;
        const wrong = error instanceof ApiFailure && error.error.kind === 'wrong-password' && !guessed;
        set({
          importPasswordError: wrong
            ? 'That password is not right. Check it and try again.'
            : messageOf(error),
        });
      }
    },
    async unlockImportWithIdentity(identity, name, passphrase) {
      const id = get().importPreview?.id;
      if (!id) return 'failed';
      set({ importPasswordError: '' });
      try {
        set({ importPreview: await call(remote.imports.unlockWithIdentity(id, identity, name, passphrase)) });
        return 'opened';
      } catch (error) {
        const kind = error instanceof ApiFailure ? error.error.kind : undefined;
        // Main asking for the SSH key's passphrase is a question, not a failure: the prompt shows the field.
        if (kind === 'password-required') return 'passphrase';
        set({ importPasswordError: messageOf(error) });
        return kind === 'wrong-password' && passphrase ? 'passphrase' : 'failed';
      }
    },
    chooseForCandidate: (key, choice) => {
      const candidate = get().importPreview?.candidates.find((c) => c.key === key);
      const current = get().importChoices[key] ?? {
        action: candidate?.duplicateOf ? 'skip' : 'add',
      };
      set({ importChoices: { ...get().importChoices, [key]: { ...current, ...choice } } });
    },
    async commitImport() {
      const preview = get().importPreview;
      if (!preview) return undefined;
      const choices = get().importChoices;
      const decisions = preview.candidates.map((c): ImportDecision => ({
        key: c.key,
        action: c.duplicateOf ? 'skip' : 'add',
        ...choices[c.key],
      }));
      try {
        const outcome = await call(remote.imports.commit(preview.id, decisions));
        set({ ...idle, view: 'list' });
        await get().loadAccounts();
        get().showToast(outcomeMessage(outcome));
        return outcome;
      } catch (error) {
        set({ importError: messageOf(error) });
        return undefined;
      }
    },
    async cancelImport() {
      const id = get().importPreview?.id;
      set({ ...idle, view: 'list' });
      if (id) await remote.imports.discard(id);
    },
    setPendingKey: (pendingKey) => set({ pendingKey }),
  };
};

/** "Added 3 accounts, replaced 1, skipped 2." */
export function outcomeMessage(outcome: ImportOutcome): string {
  const parts = [`Added ${plural(outcome.added, 'account')}`];
  if (outcome.replaced) parts.push(`replaced ${outcome.replaced}`);
  if (outcome.skipped) parts.push(`skipped ${outcome.skipped}`);
  return `${parts.join(', ')}.`;
}
