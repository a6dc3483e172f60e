import type { AccountSummary } from '../../../../electron/core/otp/account';

/** Checkboxes to hand-pick accounts for an export. */
export function AccountPicker({ accounts, picked, onChange }: { accounts: readonly AccountSummary[]; picked: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const toggle = (id: string) => {
    const next = new Set(picked);
    if (!next.delete(id)) next.add(id);
    onChange(next);
  };
  return (
    <ul className="account-picker" aria-label="Accounts to export">
      {accounts.map((a) => (
        <li key={a.id}>
          <label className="check">
            <input type="checkbox" checked={picked.has(a.id)} onChange={() => toggle(a.id)} />
            {a.issuer || a.account}
            {a.issuer && a.account ? <span className="hint"> {a.account}</span> : null}
          </label>
        </li>
      ))}
    </ul>
  );
}
