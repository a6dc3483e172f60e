import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { ExportRequest, ExportResult } from '../../../../electron/api';
import { call, messageOf, remote } from '../../api';
import { visibleAccounts } from '../../lib/visible-accounts';
import { useStore } from '../../store/store';
import { AccountPicker } from './AccountPicker';
import { AgeRecipientsBox, type RecipientsCheck } from './AgeRecipientsBox';
import { AGE_INNER_CHOICES, EXPORT_CHOICES, type ExportScope } from './export-choices';
import { ExportResultView } from './ExportResultView';
import { saveFiles } from './save-file';
import { ErrorMessage } from '../ErrorMessage';
import { PasswordField } from '../PasswordField';

/** Export all, the accounts the list shows (search/group), or hand-picked ones, in any export format. */
export function ExportPanel() {
  const accounts = useStore((s) => s.accounts);
  const query = useStore((s) => s.query);
  const group = useStore((s) => s.group);
  const sort = useStore((s) => s.settings.sort);
  const vaultHasPassword = useStore((s) => s.status?.hasPassword ?? false);
  const shown = useMemo(
    () => visibleAccounts(accounts, query, group, sort),
    [accounts, query, group, sort],
  );
  const [format, setFormat] = useState<ExportRequest['format']>('aegis');
  const [scope, setScope] = useState<ExportScope>('all');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [vaultPassword, setVaultPassword] = useState('');
  const [collection, setCollection] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [recipients, setRecipients] = useState('');
  const [recipientsCheck, setRecipientsCheck] = useState<RecipientsCheck>({ recipients: [], error: '' });
  const [inner, setInner] = useState<NonNullable<ExportRequest['inner']>>('uris');
  const [armor, setArmor] = useState(false);
  const onRecipientsCheck = useCallback((check: RecipientsCheck) => setRecipientsCheck(check), []);
  const choice = EXPORT_CHOICES.find((c) => c.format === format);
  const toPeople = choice?.toPeople ?? false;
  const encrypted = choice?.encrypted ?? false;
  const minPassword = choice?.minPassword ?? 1;
  const ids =
    scope === 'all'
      ? undefined
      : scope === 'shown'
        ? shown.map((a) => a.id)
        : accounts.filter((a) => picked.has(a.id)).map((a) => a.id);
  const count = ids?.length ?? accounts.length;
  const filtered = query.trim() !== '' || group !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (encrypted && password !== repeat)
      return setError('The two export passwords differ. Type the same password twice.');
    if (toPeople && recipientsCheck.recipients.length === 0)
      return setError(recipientsCheck.error || 'Add at least one recipient: an age public key (age1…) or an SSH public key (ssh-ed25519 …).');
    if (encrypted && password.length < minPassword)
      return setError(
        `The export password must be at least ${minPassword} characters. Choose a longer one.`,
      );
    setBusy(true);
    setError('');
    try {
      const request: ExportRequest = {
        format,
        ids,
        password: encrypted ? password : undefined,
        collection: format === 'bitwarden' && collection.trim() ? collection.trim() : undefined,
        vaultPassword: vaultHasPassword ? vaultPassword : undefined,
        ...(toPeople ? { recipients, inner, armor } : {}),
      };
      const output = await call(remote.exports.create(request));
      if (format !== 'migration-qr') await saveFiles(output.files);
      setResult(output);
      setVaultPassword('');
      useStore
        .getState()
        .showToast(
          `Exported ${count - output.skipped.length} account${count - output.skipped.length === 1 ? '' : 's'}`,
        );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    const n = count - result.skipped.length;
    const label = EXPORT_CHOICES.find((c) => c.format === format)?.label ?? format;
    return (
      <ExportResultView
        result={result}
        summary={`${n} account${n === 1 ? '' : 's'} as ${label}`}
        onClose={() => setResult(null)}
      />
    );
  }
  return (
    <form className="export-panel" onSubmit={(e) => void submit(e)}>
      <label>
        Format
        <select
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportRequest['format'])}
        >
          {EXPORT_CHOICES.map((c) => (
            <option key={c.format} value={c.format}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <div role="radiogroup" aria-label="Accounts to export" className="scope">
        <label className="radio">
          <input type="radio" checked={scope === 'all'} onChange={() => setScope('all')} /> All
          accounts ({accounts.length})
        </label>
        {filtered ? (
          <label className="radio">
            <input type="radio" checked={scope === 'shown'} onChange={() => setScope('shown')} />{' '}
            The {shown.length} shown by the current search or group
          </label>
        ) : null}
        <label className="radio">
          <input type="radio" checked={scope === 'picked'} onChange={() => setScope('picked')} />{' '}
          Choose accounts ({picked.size} chosen)
        </label>
      </div>
      {scope === 'picked' ? (
        <AccountPicker accounts={accounts} picked={picked} onChange={setPicked} />
      ) : null}
      {encrypted ? (
        <>
          <PasswordField
            label={
              minPassword > 1
                ? `Export password (at least ${minPassword} characters)`
                : 'Export password'
            }
            value={password}
            onChange={setPassword}
            autoComplete="new-password"
            required
          />
          <PasswordField
            label="Repeat the export password"
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
            required
          />
        </>
      ) : toPeople ? (
        <>
          <AgeRecipientsBox value={recipients} onChange={setRecipients} onCheck={onRecipientsCheck} />
          <label>
            Inside the age file
            <select value={inner} onChange={(e) => setInner(e.target.value as typeof inner)}>
              {AGE_INNER_CHOICES.map((c) => (
                <option key={c.format} value={c.format}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={armor} onChange={(e) => setArmor(e.target.checked)} /> As text (armored), for email or a ticket
          </label>
        </>
      ) : (
        <p className="banner warn" role="note">
          This export is not encrypted: it holds your secret keys in the clear, and anyone who gets
          it can generate your codes. Keep it offline and delete it when done.
        </p>
      )}
      {format === 'bitwarden' ? (
        <label>
          Organisation collection (optional)
          <input
            type="text"
            value={collection}
            onChange={(e) => setCollection(e.target.value)}
            placeholder="Leave empty for a personal vault"
            aria-describedby="bitwarden-collection-hint"
          />
          <span id="bitwarden-collection-hint" className="hint">
            With a name, the file imports into that collection of a Bitwarden organisation; groups
            become nested collections. Empty: groups become folders of a personal vault.
          </span>
        </label>
      ) : null}
      {vaultHasPassword ? (
        <PasswordField
          label="Your vault password (to confirm it is you)"
          value={vaultPassword}
          onChange={setVaultPassword}
          autoComplete="current-password"
          required
        />
      ) : null}
      <ErrorMessage message={error} />
      <div className="dialog-buttons">
        <button type="submit" className="primary" disabled={busy || count === 0}>
          {busy ? 'Exporting…' : `Export ${count} account${count === 1 ? '' : 's'}`}
        </button>
      </div>
    </form>
  );
}
