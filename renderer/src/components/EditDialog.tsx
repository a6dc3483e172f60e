import { useState, type FormEvent } from 'react';
import type { AccountSummary } from '../../../electron/core/otp/account';
import { call, messageOf, remote } from '../api';
import { brandChoices, brandSlugFor } from '../icons/brand-match';
import { fullNameOf, groupsOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';
import { Modal } from './Modal';
import { ErrorMessage } from './ErrorMessage';

const CHOICES = brandChoices();

/** Edit issuer, account name, group, icon and favourite; Delete asks first (in ConfirmDelete). */
export function EditDialog({ account }: { account: AccountSummary }) {
  const close = () => useStore.getState().setEditId(null);
  const groups = groupsOf(useStore.getState().accounts);
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.account);
  const [group, setGroup] = useState(account.group);
  const [icon, setIcon] = useState(account.icon);
  const [favorite, setFavorite] = useState(account.favorite);
  const [sites, setSites] = useState((account.sites ?? []).join(', '));
  const [error, setError] = useState('');
  const guessed = brandSlugFor(issuer);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      // Sites first: a site that is not one (a public suffix, a typo) stops the save before anything changes.
      const siteList = sites.split(/[\s,]+/).filter(Boolean);
      if (siteList.join(',') !== (account.sites ?? []).join(',')) await call(remote.browser.setSites(account.id, siteList));
      await useStore
        .getState()
        .updateAccount(account.id, { issuer, account: name, group, icon, favorite });
      useStore.getState().showToast(`Saved ${fullNameOf({ issuer, account: name })}`);
      close();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const remove = () => {
    close();
    useStore.getState().setDeleteId(account.id);
  };
  return (
    <Modal title={`Edit ${fullNameOf(account)}`} onClose={close}>
      <form className="edit-form" onSubmit={(e) => void submit(e)}>
        <label>
          Issuer (service)
          <input value={issuer} onChange={(e) => setIssuer(e.target.value)} autoFocus />
        </label>
        <label>
          Account name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Group
          <input
            value={group}
            onChange={(e) => setGroup(e.target.value)}
            list="group-names"
            placeholder="e.g. Work"
          />
          <datalist id="group-names">
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </label>
        <label>
          Icon
          <select value={icon} onChange={(e) => setIcon(e.target.value)}>
            <option value="">
              Automatic
              {guessed ? ` (${CHOICES.find((c) => c.slug === guessed)?.title})` : ' (letter)'}
            </option>
            <option value="-">Letter only</option>
            {CHOICES.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sites for browser fill
          <input value={sites} onChange={(e) => setSites(e.target.value)} placeholder="e.g. github.com" />
        </label>
        {account.recentFills && account.recentFills.length > 0 && (
          <p className="hint">
            Filled recently: {account.recentFills.slice(0, 3).map((f) => `${f.site} (${new Date(f.at).toLocaleString()})`).join(', ')}
          </p>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={favorite}
            onChange={(e) => setFavorite(e.target.checked)}
          />
          Favourite (pinned to the top)
        </label>
        <ErrorMessage message={error} />
        <div className="dialog-buttons">
          <button type="button" className="danger" onClick={remove}>
            Delete…
          </button>
          <button
            type="button"
            onClick={() => {
              close();
              useStore.getState().setRevealId(account.id);
            }}
          >
            Show key / QR…
          </button>
          <span className="spacer" />
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
