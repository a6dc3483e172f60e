import type { ExportResult } from '../../../../electron/api';
import { messageOf } from '../../api';
import { useStore } from '../../store/store';
import { dataUrlOf, saveFiles } from './save-file';

/**
 * After an export: what was written (so the section never shrinks to a lone "Done"), transfer
 * QR codes shown for a phone to scan, and the accounts left out.
 */
export function ExportResultView({
  result,
  summary,
  onClose,
}: {
  result: ExportResult;
  /** e.g. "7 accounts as Aegis (encrypted)". */
  summary: string;
  onClose: () => void;
}) {
  const images = result.files.filter((f) => f.mimeType === 'image/png');
  const saved = result.files.filter((f) => f.mimeType !== 'image/png');
  return (
    <div className="export-result">
      <p className="export-summary" role="status">
        <strong>Exported {summary}.</strong>{' '}
        {saved.length > 0
          ? `Saved as ${saved.map((f) => f.fileName).join(', ')} (in your downloads or the folder you chose).`
          : null}
      </p>
      {images.length > 0 ? (
        <>
          <p>
            In Google Authenticator choose Transfer accounts → Import accounts, then scan{' '}
            {images.length === 1 ? 'this code' : `all ${images.length} codes`}.
          </p>
          <ol className="qr-grid">
            {images.map((file, i) => (
              <li key={file.fileName}>
                <img src={dataUrlOf(file)} alt={`Transfer QR code ${i + 1} of ${images.length}`} />
                <span className="hint">
                  {i + 1} of {images.length}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {result.skipped.length > 0 ? (
        <div className="banner warn" role="note">
          <span>
            Left out {result.skipped.length} account{result.skipped.length === 1 ? '' : 's'} this
            format can't carry:
            <ul>
              {result.skipped.map((s) => (
                <li key={s.where}>
                  {s.where}: {s.message}
                </li>
              ))}
            </ul>
          </span>
        </div>
      ) : null}
      <div className="dialog-buttons">
        {images.length > 0 ? (
          <button
            type="button"
            onClick={() =>
              void saveFiles(images).catch((e: unknown) =>
                useStore.getState().showToast(messageOf(e), 'error'),
              )
            }
          >
            Save the PNG files
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {images.length > 0 ? 'Hide the codes' : 'Export again'}
        </button>
      </div>
    </div>
  );
}
