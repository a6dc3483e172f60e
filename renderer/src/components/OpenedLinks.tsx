import { useEffect, useState } from 'react';
import { call, remote } from '../api';
import { useStore } from '../store/store';

/**
 * otpauth:// and otpauth-migration:// links opened from the OS. Main keeps them until this
 * window takes them: into the import review when the vault is open (never added directly), a
 * note asking to unlock first when it is locked, and a message for a link that can't be read.
 */
export function OpenedLinks() {
  const state = useStore((s) => s.status?.state);
  const [waiting, setWaiting] = useState(0);
  const [problems, setProblems] = useState<readonly string[]>([]);

  useEffect(() => {
    const take = async () => {
      const delivery = await call(remote.desktop.takeLinks()).catch(() => null);
      // Main hands each link over once, so a delivery is used even when this effect has been
      // replaced meanwhile (an unlock changes the state while the last take is on its way): dropping
      // it lost the link, and the next take found nothing.
      if (!delivery) return;
      const s = useStore.getState();
      setWaiting(delivery.waitingForUnlock);
      if (delivery.problems.length > 0) {
        if (s.status?.state === 'unlocked')
          for (const problem of delivery.problems) s.showToast(problem, 'error');
        else setProblems((old) => [...old, ...delivery.problems]);
      }
      if (delivery.texts.length > 0) await s.importLinks(delivery.texts);
    };
    void take();
    const off = remote.onChanged(() => {
      // A link or a lock from the tray: follow the vault's state, then look for links.
      void call(remote.vault.status())
        .then(async (next) => {
          if (next.state !== useStore.getState().status?.state)
            await useStore.getState().loadStatus();
        })
        .catch(() => undefined)
        .finally(() => void take());
    });
    return off;
    // Runs again when the vault's state changes: an unlock is when main hands waiting links over.
  }, [state]);

  if (state === 'unlocked' || (waiting === 0 && problems.length === 0)) return null;
  return (
    <div className="opened-links" role="alert">
      {waiting > 0 ? (
        <p>
          {waiting === 1
            ? 'A link you opened is waiting.'
            : `${waiting} links you opened are waiting.`}{' '}
          Unlock OTP Desk to review {waiting === 1 ? 'it' : 'them'}; nothing is added until you
          confirm.
        </p>
      ) : null}
      {problems.map((problem, i) => (
        <p key={i}>{problem}</p>
      ))}
    </div>
  );
}
