import { useState } from 'react';
import type { ImportCandidate } from '../../../../electron/api';
import { useStore } from '../../store/store';
import { CandidateRow } from './CandidateRow';
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

  return (
    <div className="import-review">
      <p className="review-summary">
        {candidates.length === 0
          ? 'No accounts were found.'
          : `Found ${plural(candidates.length, 'account')}${duplicates ? `, ${duplicates} already in OTP Desk` : ''}.`}
      </p>
      {preview && preview.locked.length > 0 ? <PasswordPrompt locked={preview.locked} /> : null}
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
      </div>
    </div>
  );
}
