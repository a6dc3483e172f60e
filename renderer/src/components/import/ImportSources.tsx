import { useRef, useState } from 'react';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The ways in: drop, paste, open files, scan the screen, or paste links into the box. */
export function ImportSources() {
  const importItems = useStore((s) => s.importItems);
  const importPastedText = useStore((s) => s.importPastedText);
  const scanScreen = useStore((s) => s.scanScreen);
  const busy = useStore((s) => s.importBusy) !== null;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [linkError, setLinkError] = useState('');

  const openFiles = (files: FileList | null) => {
    if (files && files.length > 0)
      void importItems([...files].map((file) => ({ name: file.name, blob: file })));
    if (input.current) input.current.value = '';
  };

  return (
    <div className="import-sources">
      <div className="drop-hint">
        <p>
          <strong>Drop QR images or export files anywhere on this window</strong>, or paste a
          screenshot with <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>V</kbd>.
        </p>
        <p className="hint">
          Screenshots, photos of QR codes, Google Authenticator transfer codes, and backups from
          Aegis, 2FAS, andOTP, Bitwarden and others.
        </p>
      </div>
      <div className="import-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => input.current?.click()}
          disabled={busy}
        >
          Open files…
        </button>
        <button type="button" onClick={() => void scanScreen()} disabled={busy}>
          Scan screen
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          onChange={(e) => openFiles(e.target.files)}
          aria-label="Files to import"
        />
      </div>
      <form
        className="paste-box"
        onSubmit={(e) => {
          e.preventDefault();
          // Text with no link at all gets its answer here, where it was typed.
          if (!/otpauth(?:-migration)?:\/\//i.test(text))
            return setLinkError(
              'No link found: each line should start with otpauth:// or otpauth-migration://. For a secret key, use Add account.',
            );
          setLinkError('');
          void importPastedText(text);
        }}
      >
        <label>
          Or paste otpauth:// or otpauth-migration:// links
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            placeholder="otpauth://totp/…"
          />
        </label>
        <ErrorMessage message={linkError} />
        <button type="submit" disabled={busy || !text.trim()}>
          Read links
        </button>
      </form>
    </div>
  );
}
