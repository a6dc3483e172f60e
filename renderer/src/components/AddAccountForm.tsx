import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { HashAlgorithm, OtpType } from '../../../electron/core/otp/account';
import { groupBase32, normalizeBase32 } from '../../../electron/core/otp/base32';
import { messageOf } from '../api';
import { KEY_LOOKS_LIKE, keyProblem } from '../lib/key-check';
import { fullNameOf } from '../lib/visible-accounts';
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
  // Length is judged once the key looks complete: pasted, left, or submitted (not mid-typing).
  const [keyComplete, setKeyComplete] = useState(text !== '');
  const keyField = useRef<HTMLTextAreaElement>(null);
  const issuerField = useRef<HTMLInputElement>(null);
  /** After a good key is pasted, the next thing to fill is the issuer. */
  const nextAfterKey = (key: string) => {
    if (/^\s*otpauth/i.test(key) || keyProblem(key, true)?.blocks) return;
    requestAnimationFrame(() => issuerField.current?.focus());
  };
  // Opened by a paste anywhere in the window: the key is already in, so start at the issuer.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => (text ? nextAfterKey(text) : undefined), []);
  const form = useRef<HTMLFormElement>(null);
  const isUri = text.trim().toLowerCase().startsWith('otpauth');
  const problem = isUri ? null : keyProblem(text, keyComplete);
  const normalized = isUri || problem ? '' : normalizeBase32(text);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    setKeyComplete(true);
    // The key is checked first: its problem is the one to fix, whatever else is missing.
    const keyIssue = isUri ? null : keyProblem(text, true);
    if (keyIssue?.blocks) {
      keyField.current?.focus();
      return;
    }
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
      showToast(`Added ${fullNameOf(added)}`);
      setView('list');
    } catch (e) {
      setError(messageOf(e));
    }
  };

  // Ctrl/Cmd+Enter adds from any field, the key's text area included (where Enter is a new line).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  return (
    <form
      ref={form}
      className="add-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
      aria-labelledby="add-title"
    >
      <h2 id="add-title">Add an account</h2>
      <label>
        Secret key or otpauth:// link
        <textarea
          ref={keyField}
          value={text}
          onChange={(e) => {
            // One more character is typing (judge the length later); more at once is a paste.
            setKeyComplete(e.target.value.length > text.length + 1);
            setText(e.target.value);
          }}
          onPaste={(e) => {
            setKeyComplete(true);
            nextAfterKey(e.clipboardData.getData('text'));
          }}
          onBlur={() => setKeyComplete(true)}
          rows={2}
          spellCheck={false}
          autoComplete="off"
          placeholder="JBSW Y3DP EHPK 3PXP"
          aria-invalid={problem?.blocks ? true : undefined}
          aria-describedby={problem ? 'key-problem key-help' : 'key-help'}
          autoFocus
        />
      </label>
      {problem ? (
        <p className={problem.blocks ? 'error' : 'warning'} role="alert" id="key-problem">
          {problem.message}
        </p>
      ) : null}
      <p className="hint" id="key-help">
        {KEY_LOOKS_LIKE}
      </p>
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
              ref={issuerField}
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
            {/* A wrapper: <details> doesn't lay its children out as a grid, so they touched. */}
            <div className="advanced-fields">
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
            </div>
          </details>
        </>
      ) : null}
      <ErrorMessage message={error} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={!text.trim()}>
          Add account
        </button>
        <span className="hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
    </form>
  );
}
