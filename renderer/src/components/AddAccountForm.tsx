import { useEffect, useState, type FormEvent } from 'react';
import type { HashAlgorithm, OtpType } from '../../../electron/core/otp/account';
import { groupBase32, normalizeBase32 } from '../../../electron/core/otp/base32';
import { messageOf } from '../api';
import { useStore } from '../store/store';
import { ErrorMessage } from './ErrorMessage';

/** Paste a secret key (spaces, dashes, lower case are fine) or a whole otpauth:// link. */
export function AddAccountForm() {
  const addFromText = useStore((s) => s.addFromText);
  const setView = useStore((s) => s.setView);
  const showToast = useStore((s) => s.showToast);
  // A key pasted anywhere in the window (Ctrl/Cmd+V) opens this form with it filled in.
  const [text, setText] = useState(() => useStore.getState().pendingKey ?? '');
  useEffect(() => useStore.getState().setPendingKey(null), []);
  const [issuer, setIssuer] = useState('');
  const [account, setAccount] = useState('');
  const [type, setType] = useState<OtpType>('totp');
  const [algorithm, setAlgorithm] = useState<HashAlgorithm>('SHA1');
  const [digits, setDigits] = useState(6);
  const [period, setPeriod] = useState(30);
  const [counter, setCounter] = useState(0);
  const [error, setError] = useState('');
  const isUri = text.trim().toLowerCase().startsWith('otpauth');
  const normalized = isUri ? '' : normalizeBase32(text);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const added = await addFromText(text, {
        issuer,
        account,
        type,
        algorithm,
        digits,
        period,
        counter,
      });
      showToast(`Added ${added.issuer || added.account}`);
      setView('list');
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <form className="add-form" onSubmit={(e) => void submit(e)} aria-label="Add account">
      <label>
        Secret key or otpauth:// link
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          spellCheck={false}
          autoComplete="off"
          placeholder="JBSW Y3DP EHPK 3PXP"
          autoFocus
        />
      </label>
      {normalized ? (
        <p className="normalized" aria-label="Key as read">
          <span>Key as read:</span> <code>{groupBase32(normalized)}</code>
        </p>
      ) : null}
      {!isUri ? (
        <>
          <label>
            Issuer (service)
            <input
              value={issuer}
              onChange={(e) => setIssuer(e.target.value)}
              placeholder="e.g. Amazon Web Services"
            />
          </label>
          <label>
            Account name
            <input
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              placeholder="e.g. alice@example.com"
            />
          </label>
          <details className="advanced">
            <summary>Advanced</summary>
            <label>
              Type
              <select value={type} onChange={(e) => setType(e.target.value as OtpType)}>
                <option value="totp">Time-based (TOTP)</option>
                <option value="hotp">Counter-based (HOTP)</option>
                <option value="steam">Steam Guard</option>
              </select>
            </label>
            <label>
              Algorithm
              <select
                value={algorithm}
                onChange={(e) => setAlgorithm(e.target.value as HashAlgorithm)}
              >
                <option>SHA1</option>
                <option>SHA256</option>
                <option>SHA512</option>
              </select>
            </label>
            <label>
              Digits
              <select value={digits} onChange={(e) => setDigits(Number(e.target.value))}>
                <option>6</option>
                <option>7</option>
                <option>8</option>
              </select>
            </label>
            {type === 'hotp' ? (
              <label>
                Counter
                <input
                  type="number"
                  min={0}
                  value={counter}
                  onChange={(e) => setCounter(Number(e.target.value))}
                />
              </label>
            ) : (
              <label>
                Period (seconds)
                <input
                  type="number"
                  min={1}
                  value={period}
                  onChange={(e) => setPeriod(Number(e.target.value))}
                />
              </label>
            )}
          </details>
        </>
      ) : null}
      <ErrorMessage message={error} />
      <button type="submit" className="primary" disabled={!text.trim()}>
        Add account
      </button>
    </form>
  );
}
