import type { ImportAction, ImportCandidate } from '../../../../electron/api';
import { useStore } from '../../store/store';

const TYPE_NAMES = { totp: 'Time-based', hotp: 'Counter-based', steam: 'Steam' } as const;

/** Type, algorithm, digits and period or counter in one short line. */
function describe(c: ImportCandidate): string {
  const timing = c.type === 'hotp' ? `counter ${c.counter}` : `${c.period} s`;
  return `${TYPE_NAMES[c.type]} · ${c.algorithm} · ${c.digits} digits · ${timing}`;
}

/**
 * One account found: its names (editable), parameters and source, and what to do with it.
 * A duplicate of an earlier candidate in the same import can't "replace" anything.
 */
export function CandidateRow({
  candidate: c,
  isEarlierDuplicate,
}: {
  candidate: ImportCandidate;
  isEarlierDuplicate: boolean;
}) {
  const choice = useStore((s) => s.importChoices[c.key]);
  const choose = useStore((s) => s.chooseForCandidate);
  const action: ImportAction = choice?.action ?? (c.duplicateOf ? 'skip' : 'add');
  const issuer = choice?.issuer ?? c.issuer;
  const account = choice?.account ?? c.account;
  const title = [issuer, account].filter(Boolean).join(' / ') || 'Unnamed account';
  const nameMissing = c.needsName && !account.trim() && action !== 'skip';
  const id = `candidate-${c.key}`;

  return (
    <li
      className={`candidate${action === 'skip' ? ' skipped' : ''}${c.duplicateOf ? ' duplicate' : ''}`}
      aria-labelledby={`${id}-title`}
    >
      <div className="candidate-head">
        <span className="candidate-title" id={`${id}-title`}>
          {title}
        </span>
        {c.duplicateOf ? (
          <select
            value={action}
            onChange={(e) => choose(c.key, { action: e.target.value as ImportAction })}
            aria-label={`What to do with ${title}`}
          >
            <option value="skip">Skip</option>
            {isEarlierDuplicate ? null : <option value="replace">Replace existing</option>}
            <option value="keep-both">Keep both</option>
          </select>
        ) : (
          <label className="candidate-include">
            <input
              type="checkbox"
              checked={action !== 'skip'}
              onChange={(e) => choose(c.key, { action: e.target.checked ? 'add' : 'skip' })}
            />
            Import
          </label>
        )}
      </div>
      {c.duplicateOf ? (
        <p className="duplicate-note">Already in OTP Desk as {c.duplicateOf.label}.</p>
      ) : null}
      <div className="candidate-names">
        <label>
          Issuer
          <input
            value={issuer}
            onChange={(e) => choose(c.key, { issuer: e.target.value })}
            autoComplete="off"
          />
        </label>
        <label className={nameMissing ? 'needs-name' : undefined}>
          {c.needsName ? 'Account name (needed)' : 'Account name'}
          <input
            value={account}
            onChange={(e) => choose(c.key, { account: e.target.value })}
            autoComplete="off"
            aria-invalid={nameMissing}
            placeholder={c.needsName ? 'e.g. the IAM user or e-mail' : undefined}
          />
        </label>
      </div>
      <p className="candidate-meta">
        {describe(c)} · from {c.source}
        {nameMissing ? <strong className="name-needed"> · Name needed</strong> : null}
      </p>
    </li>
  );
}
