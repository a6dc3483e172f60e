import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { encodeBase32 } from '../../electron/core/otp/base32';
import { expect, test } from './fixtures';
import { bridgeTest, secretForms, setPasswordInSettings } from './lock-helpers';

const PASSWORD = 'correct horse battery staple';

/** The page's V8 heap through the DevTools protocol (HeapProfiler.takeHeapSnapshot), after a full GC. */
async function rendererHeap(page: import('@playwright/test').Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

function findings(haystack: string, forms: readonly string[]): string[] {
  const lower = haystack.toLowerCase();
  return forms.filter((form) => lower.includes(form.toLowerCase()));
}

// Main's heap is searched: a bridge process of this test's own, holding only this test's vault.
test.use({ ownBridge: true });

test('a secret typed into the app reaches neither the page\u2019s DOM nor its heap, and main forgets it when locked', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  // A fresh secret, so nothing else in the page or the process can contain it by chance.
  const bytes = randomBytes(20);
  const secret = encodeBase32(bytes);
  const forms = secretForms(secret, bytes);

  await app.open(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByLabel('Secret key or otpauth:// link').fill(secret);
  await page.getByLabel('Issuer (service)').fill('Heapcheck');
  await page.getByRole('button', { name: 'Add account' }).last().click();
  const row = page.getByRole('button', { name: /Copy code for Heapcheck/ });
  await expect(row.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);

  expect(findings(await page.content(), forms)).toEqual([]);
  const heap = await rendererHeap(page);
  expect(heap.length).toBeGreaterThan(100_000); // a real snapshot, not an empty answer
  expect(heap).toContain('Heapcheck'); // the search does see what the page holds
  expect(findings(heap, forms)).toEqual([]);

  // Main's stand-in (the bridge process) writes its own heap snapshot, no --inspect needed.
  const mainHeap = async () => {
    // The bridge writes it into its own temporary folder (never one a request names).
    const { path } = await bridgeTest<{ path: string }>(page, 'heap-snapshot');
    const text = readFileSync(path, 'utf8');
    rmSync(path, { force: true });
    return text;
  };
  await setPasswordInSettings(page, PASSWORD);
  // Unlocked, main holds the secret (it makes the codes): the same search finds it there.
  expect(findings(await mainHeap(), forms)).toContain(secret);

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'OTP Desk is locked' })).toBeVisible();
  const locked = await mainHeap();
  expect(locked.length).toBeGreaterThan(1_000_000);
  expect(findings(locked, forms)).toEqual([]);
});
