import { describe, expect, it } from 'vitest';
import { newestOnly } from '../../renderer/src/newest-only';

describe('answers that arrive out of order', () => {
  it('only the newest request’s answer is applied; an older one landing last is dropped', async () => {
    const start = newestOnly();
    let shown = 'nothing yet';
    const resolvers: ((value: string) => void)[] = [];
    const read = () => {
      const isNewest = start();
      void new Promise<string>((resolve) => resolvers.push(resolve)).then((answer) => {
        if (isNewest()) shown = answer;
      });
    };
    read(); // before set-up: "not set up"
    read(); // after set-up: the folder
    resolvers[1]!('set up in /sync');
    await Promise.resolve();
    resolvers[0]!('not set up');
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toBe('set up in /sync');
    read();
    resolvers[2]!('synced');
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toBe('synced');
  });
});
