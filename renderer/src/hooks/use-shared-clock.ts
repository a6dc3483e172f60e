import { useEffect } from 'react';
import { useStore } from '../store/store';

/**
 * One clock for every row: a timer aligned to the next whole second (so countdowns flip
 * together and on time), which also fetches new codes when a period ends.
 */
export function useSharedClock(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          useStore.getState().tick();
          schedule();
        },
        1000 - (Date.now() % 1000) + 5,
      );
    };
    schedule();
    // After sleep or a hidden window the timer may have lagged: catch up at once.
    const onVisible = () => document.visibilityState === 'visible' && useStore.getState().tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
}
