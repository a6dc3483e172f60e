import type { Page } from '@playwright/test';
import type { Settings } from '../../electron/core/settings';

interface Result<T> {
  readonly ok: boolean;
  readonly value?: T;
  readonly error?: { readonly kind: string; readonly message: string };
}

/** One call as the page makes it, through window.otpDesk straight to main; main's refusal throws with its message. */
export async function callMain<T>(page: Page, namespace: string, method: string, ...args: unknown[]): Promise<T> {
  const result = await page.evaluate(
    ({ namespace, method, args }) =>
      (window as unknown as { otpDesk: Record<string, Record<string, (...a: unknown[]) => Promise<Result<unknown>>>> }).otpDesk[namespace]![method]!(...args),
    { namespace, method, args },
  );
  if (!result.ok) throw new Error(`${namespace}.${method}: ${result.error?.message}`);
  return result.value as T;
}

/**
 * The settings main has stored. The page shows a change at once and saves it behind (as a user
 * expects), so a test that reloads or asks main to act on a change polls this first.
 */
export const storedSettings = (page: Page): Promise<Settings> => callMain<Settings>(page, 'settings', 'get');
