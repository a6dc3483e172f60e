import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { AgeRecipientSummary } from '../../../../electron/core/age/age-recipients';
import { call, messageOf, remote } from '../../api';
import { ErrorMessage } from '../ErrorMessage';
import './age.css';

/** What main made of the box: each recipient, or the message naming the first bad line. */
export type RecipientsCheck = { readonly recipients: readonly AgeRecipientSummary[]; readonly error: string };

const TYPE_LABEL: Record<AgeRecipientSummary['type'], string> = { age: 'age key', 'ssh-ed25519': 'SSH ed25519', 'ssh-rsa': 'SSH RSA' };

/**
 * The people an age export is encrypted to: public keys typed or pasted one a line, or added from
 * a file (a saved github.com/USER.keys, an id_ed25519.pub, age-keygen's output). Main parses them
 * and answers each key's type and fingerprint, so the user can compare fingerprints with their owners.
 */
export function AgeRecipientsBox({ value, onChange, onCheck }: { value: string; onChange: (text: string) => void; onCheck: (check: RecipientsCheck) => void }) {
  const [check, setCheck] = useState<RecipientsCheck>({ recipients: [], error: '' });
  const hintId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    // A short pause, so main is asked once per burst of typing rather than per key.
    const timer = setTimeout(() => {
      void call(remote.exports.describeRecipients(value)).then(
        (recipients) => current && (setCheck({ recipients, error: '' }), onCheck({ recipients, error: '' })),
        (error: unknown) => current && (setCheck({ recipients: [], error: messageOf(error) }), onCheck({ recipients: [], error: messageOf(error) })),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, onCheck]);

  const addFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const texts = await Promise.all([...(event.target.files ?? [])].map((f) => f.text()));
    event.target.value = '';
    if (texts.length > 0) onChange([value.trimEnd(), ...texts.map((t) => t.trim())].filter(Boolean).join('\n'));
  };

  return (
    <fieldset className="age-recipients">
      <legend>Recipients</legend>
      <label>
        Public keys, one a line
        <textarea value={value} onChange={(e) => onChange(e.target.value)} rows={4} spellCheck={false} autoComplete="off" placeholder={'age1…  or  ssh-ed25519 AAAA… name@host'} aria-describedby={hintId} aria-invalid={check.error !== ''} />
      </label>
      <span id={hintId} className="hint">
        Each person can decrypt the file alone with their own key (age -d -i ~/.ssh/id_ed25519, or OTP Desk). Compare each fingerprint with its owner (ssh-keygen -l -f KEY.pub).
      </span>
      <div className="age-actions">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Add keys from a file…
        </button>
        <span className="hint">{check.recipients.length === 1 ? '1 recipient' : `${check.recipients.length} recipients`}</span>
      </div>
      <input ref={fileInput} type="file" accept=".pub,.keys,.txt,text/plain" multiple hidden onChange={(e) => void addFile(e)} aria-label="Files of public keys" />
      <ErrorMessage message={check.error} />
      {check.recipients.length > 0 ? (
        <ul className="recipient-list" aria-label="Recipients found">
          {check.recipients.map((r, i) => (
            <li key={`${r.fingerprint}-${i}`}>
              <span className="recipient-type">{TYPE_LABEL[r.type]}</span>
              <code className="recipient-fingerprint">{r.fingerprint}</code>
              {r.comment ? <span className="recipient-comment">{r.comment}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
