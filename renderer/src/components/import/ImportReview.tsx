import { useState } from 'react';
import type { ImportCandidate } from '../../../../electron/api';
import { useStore } from '../../store/store';
import { CandidateRow } from './CandidateRow';
import { AgeIdentityPrompt } from './AgeIdentityPrompt';
import { PasswordPrompt } from './PasswordPrompt';
import { ProblemList } from './ProblemList';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What was found, with the problems and a choice per account; Save writes all of it or nothing. */
export function ImportReview() {
  const preview = useStore((s) => s.importPreview);
  const localProblems = useStore((s) => s.importLocalProblems);
  const choices = useStore((s) => s.importChoices);
  const busy = useStore((s) => s.importBusy) !== null;
  const commitImport = useStore((s) => s.commitImport);
  const cancelImport = useStore((s) => s.cancelImport);
  const [saving, setSaving] = useState(false);

  const candidates = preview?.candidates ?? [];
  const problems = [...localProblems, ...(preview?.problems ?? [])];
  const actionOf = (c: ImportCandidate) =>
    choices[c.key]?.action ?? (c.duplicateOf ? 'skip' : 'add');
  const toSave = candidates.filter((c) => actionOf(c) !== 'skip');
  const unnamed = toSave.filter(
    (c) => c.needsName && !(choices[c.key]?.account ?? c.account).trim(),
  );
  const duplicates = candidates.filter((c) => c.duplicateOf).length;

  const save = async () => {
    setSaving(true);
    await commitImport();
    setSaving(false);
  };

  const locked = preview?.locked ?? [];
  const ageLocked = locked.filter((l) => l.unlocksWith === 'identity');
  const passwordLocked = locked.filter((l) => l.unlocksWith !== 'identity');
  // Nothing read and nothing waiting for a password: say what failed and offer a way back.
  const nothing = candidates.length === 0 && locked.length === 0;
  const tryAgain = () => {
    void cancelImport();
    useStore.getState().setView('import');
  };

  return (
    <div className="import-review">
      {ageLocked.length > 0 ? <AgeIdentityPrompt locked={ageLocked} /> : null}
      {passwordLocked.length > 0 ? <PasswordPrompt locked={passwordLocked} /> : null}
      {candidates.length > 0 ? (
        <p className="review-summary">
          Found {plural(candidates.length, 'account')}
          {duplicates ? `, ${duplicates} already in OTP Desk` : ''}.
        </p>
      ) : nothing ? (
        <p className="review-summary">
          {problems.length > 0
            ? 'No account could be read from what you gave. Here is what went wrong:'
            : 'No account was found in what you gave.'}
        </p>
      ) : null}
      <ProblemList problems={problems} />
      {candidates.length > 0 ? (
        <ul className="candidate-list" aria-label="Accounts found">
          {candidates.map((c) => (
            <CandidateRow
              key={c.key}
              candidate={c}
              isEarlierDuplicate={candidates.some((o) => o.key === c.duplicateOf?.id)}
            />
          ))}
        </ul>
      ) : null}
      <div className="review-actions">
        {unnamed.length > 0 ? (
          <p className="hint" id="save-blocked">
            Give{' '}
            {unnamed.length === 1
              ? 'the account marked “Name needed”'
              : 'every account marked “Name needed”'}{' '}
            a name to save.
          </p>
        ) : null}
        {nothing ? (
          <>
            <button type="button" onClick={() => void cancelImport()}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={tryAgain} autoFocus>
              Try something else
            </button>
          </>
        ) : candidates.length === 0 ? (
          // Only an encrypted file waiting for its password: its prompt above has the way forward.
          <button type="button" onClick={() => void cancelImport()}>
            Cancel
          </button>
        ) : (
          <>
            {problems.length > 0 ? (
              <p className="hint" id="save-partial">
                {plural(problems.length, 'entry').replace(/entrys$/, 'entries')} can’t be imported (listed
                above, with why). Save adds the others; nothing is saved until you do.
              </p>
            ) : null}
            <button type="button" onClick={() => void cancelImport()}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={toSave.length === 0 || unnamed.length > 0 || busy || saving}
              aria-describedby={unnamed.length > 0 ? 'save-blocked' : undefined}
              onClick={() => void save()}
            >
              {toSave.length === 0 ? 'Nothing to save' : `Save ${plural(toSave.length, 'account')}`}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
