import { useStore } from '../store/store';
import { ConfirmDelete } from './ConfirmDelete';
import { EditDialog } from './EditDialog';
import { HelpOverlay } from './HelpOverlay';

/** Whichever dialog is open: edit, confirm delete, or the shortcuts help. */
export function Dialogs() {
  const editing = useStore((s) => s.accounts.find((a) => a.id === s.editId));
  const deleting = useStore((s) => s.accounts.find((a) => a.id === s.deleteId));
  const helpOpen = useStore((s) => s.helpOpen);
  return (
    <>
      {editing ? <EditDialog key={editing.id} account={editing} /> : null}
      {deleting ? <ConfirmDelete key={deleting.id} account={deleting} /> : null}
      {helpOpen ? <HelpOverlay /> : null}
    </>
  );
}
