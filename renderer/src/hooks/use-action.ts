import { useState } from 'react';
import { messageOf } from '../api';

/** Runs one action at a time (busy while it runs) and keeps its error (one line) until the next attempt. */
export function useAction(): { busy: boolean; error: string; setError: (m: string) => void; run: (work: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (work: () => Promise<void>) => {
    setError('');
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
