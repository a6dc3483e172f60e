import { describe, expect, it } from 'vitest';
import { keyProblem } from '../../renderer/src/lib/key-check';

describe('the add form key check', () => {
  it('names characters keys never contain, at once, and the 0/1/8 lookalikes', () => {
    expect(keyProblem('hello world, this is not a key!!', false)).toEqual({
      message: 'This is not a key: it has “,” “!”, which keys never contain.',
      blocks: true,
    });
    expect(keyProblem('JBSW0Y3DP', false)?.message).toContain('Keys have no 0, 1 or 8');
  });
  it('judges the length only once the key is complete', () => {
    expect(keyProblem('JBSWY3DPEHPK3PXPA', false)).toBeNull();
    expect(keyProblem('JBSWY3DPEHPK3PXPA', true)).toMatchObject({ blocks: true });
    expect(keyProblem('JBSWY3DP', true)).toMatchObject({ blocks: false });
  });
  it('accepts keys as services show them', () => {
    expect(keyProblem('jbsw y3dp-ehpk 3pxp', true)).toBeNull();
    expect(keyProblem('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====', true)).toBeNull();
    expect(keyProblem('', true)).toBeNull();
  });
});
