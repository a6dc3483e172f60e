import { describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../electron/clipboard-access';
import { assessPassword } from '../../electron/core/password/password-policy';
import { POWER_LOCK_EVENTS, shouldLock } from '../../electron/lock/auto-lock';
import { ContentProtection } from '../../electron/lock/content-protection';
import { backoffDelayMs, PasswordBackoff } from '../../electron/lock/password-backoff';
import { UserError } from '../../electron/core/errors';

describe('wrong-password slow-down', () => {
  it('waits 1 s, 2 s, 4 s \u2026 capped at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(backoffDelayMs)).toEqual([
      0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('refuses tries during the wait without checking them, and a success clears it', async () => {
    let now = 0;
    const backoff = new PasswordBackoff(() => now);
    const wrong = () =>
      Promise.reject(new UserError('wrong-password', 'The vault password is wrong.'));
    let checked = 0;
    const right = async () => void checked++;
    await expect(backoff.attempt(wrong)).rejects.toThrow(/wrong/);
    await expect(backoff.attempt(right)).rejects.toThrow(/Wait 1 s/);
    expect(checked).toBe(0);
    now += 1_000;
    await expect(backoff.attempt(wrong)).rejects.toThrow(/wrong/);
    expect(backoff.remainingMs()).toBe(2_000);
    now += 2_000;
    await backoff.attempt(right);
    expect([checked, backoff.remainingMs()]).toEqual([1, 0]);
    // Other failures (a damaged file) are not guesses and do not slow down.
    await expect(
      backoff.attempt(() => Promise.reject(new UserError('integrity', 'damaged'))),
    ).rejects.toThrow('damaged');
    expect(backoff.remainingMs()).toBe(0);
  });

  it('parallel tries are checked one at a time, so only the first of many guesses is tried', async () => {
    const backoff = new PasswordBackoff(() => 0);
    let checked = 0;
    // A slow check (scrypt): every guess starts before the first one has failed.
    const wrong = async () => {
      checked++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new UserError('wrong-password', 'The vault password is wrong.');
    };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => backoff.attempt(wrong)),
    );
    expect(checked).toBe(1);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason.message) : 'ok'))).toEqual(
      [
        'The vault password is wrong.',
        ...Array<string>(9).fill('Too many wrong passwords. Wait 1 s and try again.'),
      ],
    );
  });
});

describe('automatic lock policy', () => {
  it('locks on idle only past the minutes set (0 never), and on screen lock or suspend when asked to', () => {
    expect(shouldLock('idle', { autoLockMinutes: 0, lockOnScreenLock: true }, 1e9)).toBe(false);
    expect(shouldLock('idle', { autoLockMinutes: 5, lockOnScreenLock: false }, 299)).toBe(false);
    expect(shouldLock('idle', { autoLockMinutes: 5, lockOnScreenLock: false }, 300)).toBe(true);
    expect(shouldLock('suspended', { autoLockMinutes: 0, lockOnScreenLock: true })).toBe(true);
    expect(shouldLock('screen-locked', { autoLockMinutes: 60, lockOnScreenLock: false })).toBe(
      false,
    );
  });
});

describe('new passwords', () => {
  it('needs 8 characters and a matching repeat, and warns about common ones with zxcvbn-ts', () => {
    expect(assessPassword('abc')).toMatchObject({
      ok: false,
      label: 'too short',
      problem: expect.stringMatching(/at least 8 characters \(this has 3\)/),
    });
    expect(
      assessPassword('correct horse battery staple', 'correct horse battery stapel'),
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/differ/) });
    expect(assessPassword('password1')).toMatchObject({
      ok: true,
      score: 0,
      warning: expect.stringMatching(/common/),
    });
    expect(
      assessPassword('correct horse battery staple', 'correct horse battery staple'),
    ).toMatchObject({ ok: true, warning: null, label: 'very strong' });
  });
});

describe('main\u2019s clipboard', () => {
  function fakeClipboard() {
    const board = { text: '' };
    return {
      board,
      access: {
        readText: () => board.text,
        clear: () => void (board.text = ''),
        writeText: (t: string) => void (board.text = t),
      },
    };
  }

  it('clears what it copied after the delay, but keeps what the user copied since', async () => {
    const { board, access } = fakeClipboard();
    const guard = new ClipboardGuard(access);
    await guard.copy('123456', 0.05);
    expect(board.text).toBe('123456');
    await new Promise((r) => setTimeout(r, 120));
    expect(board.text).toBe('');
    await guard.copy('654321', 0.05);
    board.text = 'my own note';
    await new Promise((r) => setTimeout(r, 120));
    expect(board.text).toBe('my own note');
  });

  it('clears on quit even when the delay is off, only if the clipboard still holds our copy', async () => {
    const { board, access } = fakeClipboard();
    const guard = new ClipboardGuard(access);
    await guard.copy('JBSWY3DPEHPK3PXP', 0);
    expect(await guard.clearNow()).toBe(true);
    expect(board.text).toBe('');
    expect(await guard.clearNow()).toBe(false);
  });
});

describe('content protection', () => {
  it('applies the setting, and keeps the last value while the vault is locked', () => {
    let setting: boolean | null = true;
    const applied: boolean[] = [];
    const protection = new ContentProtection(
      () => setting,
      (on) => applied.push(on),
    );
    expect(protection.refresh()).toBe(true);
    setting = null; // locked: the setting can't be read
    expect(protection.refresh()).toBe(true);
    setting = false;
    expect(protection.refresh()).toBe(false);
    expect(applied).toEqual([true, true, false]);
  });
});

describe('power events', () => {
  it('maps screen lock and suspend to lock triggers', () => {
    expect(POWER_LOCK_EVENTS).toEqual({ 'lock-screen': 'screen-locked', suspend: 'suspended' });
  });
});
