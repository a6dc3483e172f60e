import { useStore } from '../store/store';
import { Modal } from './Modal';

const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['/  or  Ctrl+F', 'Search'],
  ['Esc', 'Clear the search (again: back to the list), close a dialog, go back'],
  ['↓ ↑  or  j k', 'Move between accounts'],
  ['Home  End  PgUp  PgDn', 'Jump in the list'],
  ['Enter  or  click', 'Copy the code'],
  ['Shift+Enter', 'Copy the next code'],
  ['T', 'Two codes (AWS): two consecutive codes'],
  ['1  2  B', 'In Two codes: copy the first, the second, both'],
  ['N', 'In Two codes: a new pair'],
  ['E', 'Edit the account'],
  ['F', 'Favourite (pin to the top)'],
  ['R', 'Next code of a counter (HOTP) account'],
  ['Delete', 'Delete the account (asks first)'],
  ['Alt+↑  Alt+↓', 'Move the account (manual order)'],
  ['Menu  or  Shift+F10', 'The account’s actions (or right-click it)'],
  ['Ctrl+Z', 'Undo a delete'],
  ['Ctrl+N', 'Add an account'],
  ['Ctrl+Enter', 'Add the account (in the add form)'],
  ['Ctrl+,', 'Settings'],
  ['Ctrl+L', 'Lock now (needs a vault password)'],
  ['?', 'This help'],
];

/** Every keyboard shortcut, in one overlay (opened with ?). */
export function HelpOverlay() {
  const close = () => useStore.getState().setHelpOpen(false);
  return (
    <Modal title="Keyboard shortcuts" onClose={close} className="help">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <span className="spacer" />
        <button type="button" className="primary" onClick={close} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
