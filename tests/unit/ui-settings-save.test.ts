import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../electron/core/settings';

// Two quick clicks in Settings (Dark, then Compact): main answers each with the settings it holds
// then, so the first answer still says "comfortable". It must not undo the second click.
let stored: Settings = DEFAULT_SETTINGS;
const answers: (() => void)[] = [];
(globalThis as unknown as { window: unknown }).window = {
  otpDesk: {
    settings: {
      set: (patch: Partial<Settings>) => {
        stored = { ...stored, ...patch };
        const answer = stored;
        return new Promise((resolve) => answers.push(() => resolve({ ok: true, value: answer })));
      },
    },
  },
};
const { useStore } = await import('../../renderer/src/store/store');

describe('saving settings', () => {
  it("keeps a later change when an earlier change's answer arrives", async () => {
    const s = useStore.getState();
    const theme = s.saveSettings({ theme: 'dark' });
    const density = s.saveSettings({ density: 'compact' });
    answers.shift()!(); // The theme's answer, sent before the density change reached main.
    await theme;
    expect(useStore.getState().settings).toMatchObject({ theme: 'dark', density: 'compact' });
    answers.shift()!();
    await density;
    expect(useStore.getState().settings).toMatchObject({ theme: 'dark', density: 'compact' });
  });
});
