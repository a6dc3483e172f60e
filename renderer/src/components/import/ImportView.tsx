import { useEffect, useRef } from 'react';
import { warmUpQrDecoder } from '../../qr/qr-client';
import { useStore } from '../../store/store';
import { ImportReview } from './ImportReview';
import { ImportSources } from './ImportSources';
import './import.css';
import { ErrorMessage } from '../ErrorMessage';

/** The import screen: the ways in until something was read, then the review before saving. */
export function ImportView() {
  const preview = useStore((s) => s.importPreview);
  const localProblems = useStore((s) => s.importLocalProblems);
  const busy = useStore((s) => s.importBusy);
  const error = useStore((s) => s.importError);
  const heading = useRef<HTMLHeadingElement>(null);
  const reviewing = preview !== null || localProblems.length > 0;
  const nothingFound =
    reviewing && (preview?.candidates.length ?? 0) === 0 && (preview?.locked.length ?? 0) === 0;
  const locked = (preview?.locked.length ?? 0) > 0 && preview?.candidates.length === 0;

  useEffect(warmUpQrDecoder, []);
  // Focus follows the screen change, unless a field inside (the backup password) already took it.
  useEffect(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLInputElement && heading.current?.parentElement?.contains(active)))
      heading.current?.focus();
  }, [reviewing]);

  return (
    <section className="import-view" aria-labelledby="import-heading" aria-busy={busy !== null}>
      <h2 id="import-heading" ref={heading} tabIndex={-1}>
        {!reviewing
          ? 'Import accounts'
          : nothingFound
            ? 'Nothing could be imported'
            : locked
              ? 'Encrypted backup'
              : 'Check before saving'}
      </h2>
      {busy ? (
        <p className="import-busy" role="status">
          <span className="spinner" aria-hidden="true" /> {busy}
        </p>
      ) : null}
      <ErrorMessage message={error} />
      {reviewing ? <ImportReview /> : <ImportSources />}
    </section>
  );
}
