import { useStore } from '../../store/store';
import { RevealDialog } from '../export/RevealDialog';
import { BackupBanner } from './BackupBanner';

/** Mounted once by App: the backup banner and the key/QR dialog. */
export function BackupLayer() {
  const revealing = useStore((s) => s.accounts.find((a) => a.id === s.revealId));
  return (
    <>
      <BackupBanner />
      {revealing ? <RevealDialog key={revealing.id} account={revealing} /> : null}
    </>
  );
}
