import { call, messageOf, remote } from '../../api';

/** A folder typed as text, or picked with main's system dialog (the browser harness has none). */
export function FolderField({ label, value, onChange, onError }: { label: string; value: string; onChange: (folder: string) => void; onError: (message: string) => void }) {
  const choose = async () => {
    try {
      const picked = await call(remote.sync.chooseFolder());
      if (picked) onChange(picked);
    } catch (e) {
      onError(messageOf(e));
    }
  };
  return (
    <label>
      {label}
      <span className="folder-row">
        <input value={value} onChange={(e) => onChange(e.target.value)} placeholder="/home/you/Sync/OTP Desk" spellCheck={false} required />
        <button type="button" onClick={() => void choose()}>
          Choose…
        </button>
      </span>
    </label>
  );
}
