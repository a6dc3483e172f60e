import type { Settings } from '../../../electron/core/settings';
import { messageOf } from '../api';
import { groupsOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';

/** The group filter (when groups exist) and the sort order. */
export function ListControls() {
  const accounts = useStore((s) => s.accounts);
  const group = useStore((s) => s.group);
  const setGroup = useStore((s) => s.setGroup);
  const sort = useStore((s) => s.settings.sort);
  const groups = groupsOf(accounts);
  const setSort = (value: Settings['sort']) => {
    const s = useStore.getState();
    s.saveSettings({ sort: value }).catch((e: unknown) => s.showToast(messageOf(e), 'error'));
  };
  return (
    <div className="list-controls">
      {groups.length > 0 ? (
        <div className="groups" role="group" aria-label="Show group">
          {['', ...groups].map((g) => (
            <button
              key={g || '*'}
              type="button"
              className="chip"
              aria-pressed={group === g}
              onClick={() => setGroup(g)}
            >
              {g || 'All'}
            </button>
          ))}
        </div>
      ) : (
        <span />
      )}
      <label className="sort">
        <span>Sort</span>
        <select value={sort} onChange={(e) => setSort(e.target.value as Settings['sort'])}>
          <option value="manual">Manual</option>
          <option value="name">Name</option>
          <option value="used">Most used</option>
        </select>
      </label>
    </div>
  );
}
