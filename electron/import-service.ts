import { randomUUID } from 'node:crypto';
import type { ImportCandidate, ImportDecision, ImportOutcome, ImportPreview, ImportProblem, ImportText } from './api';
import { isSameAccount, type AccountDraft, type ImportedDraft } from './core/otp/account';
import { isUserError, UserError, invalidInput } from './core/errors';
import type { Importer, ImportIssue, ImportResult, ImportSource } from './core/format/importer';
import type { ImportReader } from './core/importers/import-reader';
import type { AuthenticatorService } from './service';

interface PendingCandidate {
  readonly key: string;
  readonly source: string;
  readonly format: string;
  readonly draft: AccountDraft;
  readonly needsName: boolean;
}

interface LockedFile {
  readonly source: ImportSource;
  readonly format: string;
  /** Only guessed from opaque bytes: the file may be no export at all. */
  readonly guessed: boolean;
  readonly unlocksWith?: 'identity';
}

interface PendingImport {
  candidates: PendingCandidate[];
  problems: ImportProblem[];
  locked: LockedFile[];
}

const isImporterList = (value: ImportReader | readonly Importer[]): value is readonly Importer[] => Array.isArray(value);

/** Pending previews are dropped after this, so secrets don't linger in memory. */
const PREVIEW_TTL_MS = 30 * 60 * 1000;

/** Entries an importer skipped, as problems; `fileName` prefixes where they were. */
function entryProblems(issues: readonly ImportIssue[], fileName?: string): ImportProblem[] {
  return issues.map((i) => ({ scope: 'entry', source: fileName ? `${fileName}: ${i.where}` : i.where, message: i.message }));
}

const labelOf = (a: { issuer: string; account: string }) => [a.issuer, a.account].filter(Boolean).join(' / ') || 'unnamed account';

/**
 * Importers given as a list parse in this process (tests); their module is loaded on the first
 * read, so the app, CLI and bridge, which parse in the sandbox, never load every importer and
 * its libraries: a --cpu-prof of `otp-desk import` spent ~95 ms of its start in protobuf, the
 * post-quantum age code and fflate, reached only through this import.
 */
function inProcessReaderOnFirstUse(importers: readonly Importer[]): ImportReader {
  let reader: Promise<ImportReader> | undefined;
  const load = () => (reader ??= import('./core/importers/import-reader').then((m) => m.inProcessReader(importers)));
  return {
    readFile: async (source, password, options) => (await load()).readFile(source, password, options),
    readTexts: async (items) => (await load()).readTexts(items),
  };
}

/**
 * Import review: files and texts become candidates held here in main (secrets never leave);
 * the renderer sees them without secrets, decides per candidate, and the confirmed set is
 * saved through AuthenticatorService in one write.
 */
export class ImportService {
  private readonly pending = new Map<string, PendingImport>();
  private readonly reader: ImportReader;

  /** `reader` parses foreign bytes: the import sandbox in the app, CLI and bridge; importers in process in tests. */
  constructor(
    private readonly service: AuthenticatorService,
    reader: ImportReader | readonly Importer[],
  ) {
    this.reader = isImporterList(reader) ? inProcessReaderOnFirstUse(reader) : reader;
  }

  /** Reads files by content; encrypted ones wait for a password (see unlock). With `into`, adds to that preview. */
  async previewFiles(sources: readonly ImportSource[], into?: string): Promise<ImportPreview> {
    const state: PendingImport = into ? this.get(into) : { candidates: [], problems: [], locked: [] };
    for (const source of sources) await this.readInto(state, source);
    return into ? this.view(into, state) : this.store(state);
  }

  /** Reads pasted or QR-decoded texts (otpauth and Google transfer links). With `into`, adds to that preview. */
  async previewTexts(texts: readonly ImportText[], into?: string): Promise<ImportPreview> {
    const state: PendingImport = into ? this.get(into) : { candidates: [], problems: [], locked: [] };
    let result;
    try {
      result = await this.reader.readTexts(texts.map((t) => ({ text: t.text, where: t.source })));
    } catch (error) {
      if (!isUserError(error)) throw error;
      state.problems.push({ scope: 'file', source: 'Pasted or scanned', message: error.message });
      return into ? this.view(into, state) : this.store(state);
    }
    // Each entry keeps the text it came from (e.g. the image's name), so the review can show it.
    result.entries.forEach((draft, i) => this.addResult(state, result.sources?.[i] ?? 'Pasted or scanned', { format: 'otpauth link', entries: [draft] }, []));
    state.problems.push(...entryProblems(result.issues));
    return into ? this.view(into, state) : this.store(state);
  }

  /**
   * Tries `password` on every locked file of a preview that opens with it: a password, or with
   * `opensWith` 'identity' an age identity (packed by packAgeKey). A wrong one changes nothing.
   */
  async unlock(id: string, password: string, opensWith: 'password' | 'identity' = 'password'): Promise<ImportPreview> {
    const state = this.get(id);
    const matching = state.locked.filter((l) => (l.unlocksWith ?? 'password') === opensWith);
    if (matching.length === 0) throw invalidInput(opensWith === 'identity' ? 'Nothing in this import opens with an identity.' : 'Nothing in this import needs a password.');
    const next: PendingImport = { candidates: [...state.candidates], problems: [...state.problems], locked: state.locked.filter((l) => !matching.includes(l)) };
    for (const { source } of matching) {
      const reading = await this.reader.readFile(source, password); // wrong-password / integrity propagate: preview unchanged
      if (reading.state === 'locked') throw new UserError('password-required', `${source.fileName} still needs its password.`);
      this.addResult(next, source.fileName, reading.result, entryProblems(reading.result.issues, source.fileName));
    }
    this.pending.set(id, next);
    return this.view(id, next);
  }

  /** Saves the decided candidates in one write and forgets the preview. */
  async commit(id: string, decisions: readonly ImportDecision[]): Promise<ImportOutcome> {
    const state = this.get(id);
    const byKey = new Map(decisions.map((d) => [d.key, d]));
    const adds: ImportedDraft[] = [];
    const replacements: { id: string; draft: AccountDraft }[] = [];
    const existing = this.service.accounts();
    const candidates = this.withDuplicates(state.candidates);
    for (const candidate of candidates) {
      const decision = byKey.get(candidate.key);
      const action = decision?.action ?? (candidate.duplicateOf ? 'skip' : 'add');
      if (action === 'skip') continue;
      const draft = { ...candidate.draft, issuer: (decision?.issuer ?? candidate.draft.issuer).trim(), account: (decision?.account ?? candidate.draft.account).trim() };
      if ((!draft.issuer && !draft.account) || (candidate.needsName && !draft.account)) {
        throw invalidInput(`Give the account from ${candidate.source} a name before saving.`);
      }
      if (action === 'replace') {
        const target = candidate.duplicateOf && existing.find((a) => a.id === candidate.duplicateOf!.id);
        if (!target) throw invalidInput(`${labelOf(draft)} does not replace an existing account; choose Add or Skip.`);
        replacements.push({ id: target.id, draft });
      } else {
        adds.push(draft);
      }
    }
    await this.service.applyImport(adds, replacements);
    this.pending.delete(id);
    return { added: adds.length, replaced: replacements.length, skipped: candidates.length - adds.length - replacements.length };
  }

  discard(id: string): void {
    this.pending.delete(id);
  }

  private async readInto(state: PendingImport, source: ImportSource): Promise<void> {
    try {
      const reading = await this.reader.readFile(source);
      if (reading.state === 'locked') {
        state.locked.push({ source, format: reading.format, guessed: reading.guessed, ...(reading.unlocksWith ? { unlocksWith: reading.unlocksWith } : {}) });
        return;
      }
      this.addResult(state, source.fileName, reading.result, entryProblems(reading.result.issues, source.fileName));
    } catch (error) {
      if (!isUserError(error)) throw error;
      state.problems.push({ scope: 'file', source: source.fileName, message: error.message });
    }
  }

  private addResult(state: PendingImport, source: string, result: Pick<ImportResult, 'format' | 'entries' | 'needsAccountName'>, problems: ImportProblem[]): void {
    const needsName = result.needsAccountName ?? false;
    for (const draft of result.entries) state.candidates.push({ key: randomUUID(), source, format: result.format, draft, needsName });
    state.problems.push(...problems);
  }

  /** Candidates with their duplicate: an existing account first, else an earlier candidate. */
  private withDuplicates(candidates: readonly PendingCandidate[]): (PendingCandidate & { duplicateOf: ImportCandidate['duplicateOf'] })[] {
    const existing = this.service.accounts();
    return candidates.map((candidate, index) => {
      const account = existing.find((a) => isSameAccount(a, candidate.draft));
      if (account) return { ...candidate, duplicateOf: { id: account.id, label: labelOf(account) } };
      const earlier = candidates.slice(0, index).find((c) => isSameAccount(c.draft, candidate.draft));
      return { ...candidate, duplicateOf: earlier ? { id: earlier.key, label: `${labelOf(earlier.draft)} (earlier in this import)` } : null };
    });
  }

  private store(state: PendingImport): ImportPreview {
    const id = randomUUID();
    this.pending.set(id, state);
    setTimeout(() => this.pending.delete(id), PREVIEW_TTL_MS).unref?.();
    return this.view(id, state);
  }

  private view(id: string, state: PendingImport): ImportPreview {
    return {
      id,
      candidates: this.withDuplicates(state.candidates).map(({ key, source, format, draft, needsName, duplicateOf }) => ({
        key,
        source,
        format,
        type: draft.type,
        issuer: draft.issuer,
        account: draft.account,
        algorithm: draft.algorithm,
        digits: draft.digits,
        period: draft.period,
        counter: draft.counter,
        needsName,
        duplicateOf,
      })),
      problems: state.problems,
      locked: state.locked.map(({ source, format, guessed, unlocksWith }) => ({
        fileName: source.fileName,
        format,
        ...(unlocksWith ? { unlocksWith } : {}),
        ...(guessed ? { note: `${source.fileName} is not a format OTP Desk recognises; if it is an encrypted ${format}, give its password.` } : {}),
      })),
    };
  }

  private get(id: string): PendingImport {
    const state = this.pending.get(id);
    if (!state) throw new UserError('not-found', 'This import has expired or was already saved. Start the import again.');
    return state;
  }
}
