// @vitest-environment happy-dom
import { act, createElement, type FunctionComponent } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { LinkDelivery } from '../../electron/api';

const LINK = { source: 'Opened link', text: 'otpauth://totp/Linkco:frank?secret=JBSWY3DPEHPK3PXP&issuer=Linkco' };

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('links opened from the OS (the window side)', () => {
  it('a link main hands over while an unlock replaces the effect that asked is still imported, not dropped', async () => {
    (globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    // Every takeLinks() call waits until the test answers it; main hands each link over once.
    const takes: { resolve: (d: { ok: true; value: LinkDelivery }) => void }[] = [];
    const listeners: (() => void)[] = [];
    (window as unknown as { otpDesk: unknown }).otpDesk = {
      desktop: {
        takeLinks: () => {
          const d = deferred<{ ok: true; value: LinkDelivery }>();
          takes.push(d);
          return d.promise;
        },
      },
      vault: { status: async () => ({ ok: true, value: { state: 'unlocked' } }) },
      onChanged: (listener: () => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    };
    const { useStore } = await import('../../renderer/src/store/store');
    // A .tsx module: the node type-check (no JSX, no DOM) must not compile it, the web one does.
    const component = '../../renderer/src/components/OpenedLinks';
    const { OpenedLinks } = (await import(component)) as { OpenedLinks: FunctionComponent };
    const imported = vi.fn(async () => undefined);
    const unlocked = deferred<void>();
    useStore.setState({
      status: { state: 'locked' } as never,
      importLinks: imported,
      // The status read after the change event: the unlock lands while that event's take is out.
      loadStatus: async () => {
        await unlocked.promise;
        useStore.setState({ status: { state: 'unlocked' } as never });
      },
    });
    const none: LinkDelivery = { texts: [], problems: [], waitingForUnlock: 0 };
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(createElement(OpenedLinks)));
    expect(takes).toHaveLength(1);
    await act(async () => takes[0]!.resolve({ ok: true, value: { ...none, waitingForUnlock: 1 } }));

    // The unlock's change event: the locked-state effect reads the status, then takes the links.
    await act(async () => listeners.forEach((l) => l()));
    await act(async () => unlocked.resolve());
    // The state is now 'unlocked': the effect ran again and asked (take 2), and the replaced one's
    // take went out after (take 3). Main gave the link to take 3 and nothing to take 2.
    expect(takes).toHaveLength(3);
    await act(async () => takes[1]!.resolve({ ok: true, value: none }));
    await act(async () => takes[2]!.resolve({ ok: true, value: { ...none, texts: [LINK] } }));
    expect(imported).toHaveBeenCalledWith([LINK]);
    await act(async () => root.unmount());
  });
});
