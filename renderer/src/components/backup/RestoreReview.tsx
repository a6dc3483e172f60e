import { useState, type FormEvent } from 'react';
import type { ImportAction, ImportPreview } from '../../../../electron/api';
import { call, remote } from '../../api';
import { useAction } from '../../hooks/use-action';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';
import { PasswordField } from '../PasswordField';

type DuplicateAction = Extract<ImportAction, 'skip' | 'replace' | 'keep-both'>;

/** A backup read into the import review: password if encrypted, then what to do with accounts already here. */
export function RestoreReview({ initial, onDone }: { initial: ImportPreview; onDone: () => void }) {
  const [preview, setPreview] = useState(initial);
  const [password, setPassword] = useState('');
  const [duplicates, setDuplicates] = useState<DuplicateAction>('skip');
  const { busy, error, run } = useAction();
  const existingIds = new Set(useStore.getState().accounts.map((a) => a.id));
  const unlock = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => setPreview(await call(remote.imports.unlock(preview.id, password))));
  };
  const restore = () =>
    void run(async () => {
      const decisions = preview.candidates.map((c) => {
        const action: ImportAction = !c.duplicateOf
          ? 'add'
          : duplicates === 'replace' && !existingIds.has(c.duplicateOf.id)
            ? 'skip'
            : duplicates;
        return { key: c.key, action };
      });
      const outcome = await call(remote.imports.commit(preview.id, decisions));
      await useStore.getState().loadAccounts();
      useStore
        .getState()
        .showToast(
          `Restored ${outcome.added} account${outcome.added === 1 ? '' : 's'}${outcome.replaced ? `, replaced ${outcome.replaced}` : ''}${outcome.skipped ? `, skipped ${outcome.skipped} already here` : ''}`,
        );
      onDone();
    });
  const cancel = () =>
    void call(remote.imports.discard(preview.id))
      .catch(() => undefined)
      .finally(onDone);
  const dupCount = preview.candidates.filter((c) => c.duplicateOf).length;
  const fileProblems = preview.problems.filter((p) => p.scope === 'file');
  return (
    <div className="restore-review" aria-label="Restore review">
      {preview.locked.length > 0 ? (
        <form onSubmit={unlock}>
          <PasswordField
            label={<>Password of {preview.locked.map((l) => l.fileName).join(', ')}</>}
            value={password}
            onChange={setPassword}
            autoFocus
            required
          />
          <ErrorMessage message={error} />
          <div className="dialog-buttons">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Opening…' : 'Open backup'}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>
            <strong>{preview.candidates.length}</strong> account
            {preview.candidates.length === 1 ? '' : 's'} in this backup
            {dupCount ? `; ${dupCount} already in OTP Desk` : ''}.
          </p>
          {[...fileProblems, ...preview.problems.filter((p) => p.scope === 'entry')].map((p, i) => (
            <p key={i} className="error">
              {p.source}: {p.message}
            </p>
          ))}
          {dupCount ? (
            <label>
              Accounts already here
              <select
                value={duplicates}
                onChange={(e) => setDuplicates(e.target.value as DuplicateAction)}
              >
                <option value="skip">Keep mine, skip the backup's copy</option>
                <option value="replace">Replace mine with the backup's</option>
                <option value="keep-both">Keep both</option>
              </select>
            </label>
          ) : null}
          <ErrorMessage message={error} />
          <div className="dialog-buttons">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              onClick={restore}
              disabled={busy || preview.candidates.length === 0}
            >
              Restore {preview.candidates.length - (duplicates === 'skip' ? dupCount : 0)} account
              {preview.candidates.length - (duplicates === 'skip' ? dupCount : 0) === 1 ? '' : 's'}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
