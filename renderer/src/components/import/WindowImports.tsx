import { useEffect, useState } from 'react';
import type { ImportItem } from '../../store/import-gather';
import { useStore } from '../../store/store';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
const itemsOf = (files: FileList | undefined | null): ImportItem[] =>
  [...(files ?? [])].map((file) => ({ name: file.name || 'Pasted image', blob: file }));

/** True when typing there should keep the browser's own paste (the add form, a name field). */
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

/**
 * Window-wide ways in: files dropped anywhere, and Ctrl/Cmd+V anywhere outside a text field
 * (an image goes to the QR worker, a link to the review, a bare key to the add form).
 * Shows a drop overlay while files are dragged over the window.
 */
export function WindowImports() {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const { importItems, importPastedText } = useStore.getState();
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // without this the browser would open the file instead
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      setDragging(false);
      const items = itemsOf(event.dataTransfer?.files);
      const text = event.dataTransfer?.getData('text/plain') ?? '';
      if (items.length === 0 && !text) return;
      event.preventDefault();
      void (items.length > 0 ? importItems(items) : importPastedText(text));
    };
    const onPaste = (event: ClipboardEvent) => {
      const items = itemsOf(event.clipboardData?.files).filter(
        (item) => item.blob.type.startsWith('image/') || item.name !== 'Pasted image',
      );
      if (items.length > 0) {
        event.preventDefault();
        void importItems(items);
        return;
      }
      if (isEditable(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      event.preventDefault();
      void importPastedText(text);
    };
    window.addEventListener('dragenter', onDragOver);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onDragOver);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  return dragging ? (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop to import</p>
    </div>
  ) : null;
}
