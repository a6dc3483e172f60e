import { fiftyMegapixelPhoto as cameraPhoto } from '../fixtures/camera-photo';
import { expect, test } from './fixtures';
import { dropFiles, screenshotPng, type TestFile } from './import-helpers';

/** The bench's 50-megapixel camera photo (tests/fixtures/camera-photo.ts). */
async function fiftyMegapixelPhoto(): Promise<TestFile> {
  return { name: 'camera-50mp.jpg', type: 'image/jpeg', bytes: await cameraPhoto() };
}

/** Starts recording the longest gap between animation frames on the page's main thread. */
async function watchFrames(page: import('@playwright/test').Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __stop: boolean };
    w.__maxGap = 0;
    w.__stop = false;
    let last = performance.now();
    const step = (now: number) => {
      w.__maxGap = Math.max(w.__maxGap, now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __maxGap: number; __stop: boolean };
      w.__stop = true;
      return w.__maxGap;
    });
}

test('a 50-megapixel photo is searched in the worker without freezing the window', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000);
  await app.open(page);
  const timings: string[] = [];
  page.on('console', (m) => m.text().startsWith('qr ') && timings.push(m.text()));
  const photo = await fiftyMegapixelPhoto();
  const stop = await watchFrames(page);
  const started = Date.now();
  await dropFiles(page, [photo]);
  const found = page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
  await expect(found).toHaveCount(1, { timeout: 30_000 });
  const elapsed = Date.now() - started;
  const maxGap = await stop();
  await expect(found).toContainText('Bigphoto / henry');
  console.log(
    `50 MP photo (${(photo.bytes.length / 1e6).toFixed(1)} MB JPEG): ${elapsed} ms to the review; longest frame gap ${maxGap.toFixed(0)} ms\n${timings.join('\n')}`,
  );
  // The UI thread kept drawing frames while the worker decoded; decoding 50 MP on it would stall it for
  // seconds. The bound is loose because parallel test workers share the CPU.
  expect(maxGap).toBeLessThan(1000);
});

test('a 4K screenshot decodes in the worker in at most six times a 1080p one (it scales with its pixels; lower medians of six)', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const PER_SIZE = 6;
  await app.open(page);
  // Worker totals (bitmap + pixels + decode) by image height. 4K has four times the pixels of 1080p; a
  // decoder that searched 4K at full size, or at several scales, would cost far more than four times.
  // The two sizes alternate, so a machine busy with other tests slows both alike: an absolute bound
  // ("under a second", 0.4 s on an idle 2-core machine) failed at 1.8 s beside the unit tests on CI.
  // Beside the rest of npm test a decode sometimes waits for the CPU: one 4K total in four read 1.3-3 s
  // in some runs, against 120-300 ms in the others, and two such in one run (698 and 1673 ms) made
  // the median of four a ratio of 13 where the decodes themselves were ~3. Six of each and the lower
  // median (the third fastest) leave out up to three such waits per size, on both sides of the ratio.
  const totals = new Map<number, number[]>([[1080, []], [2160, []]]);
  page.on('console', (m) => {
    const match = /^qr shot-\d+\.png: \d+×(\d+), 1 code\(s\), decode \d+ ms, total (\d+) ms/.exec(m.text());
    if (match) totals.get(Number(match[1]))?.push(Number(match[2]));
  });
  for (let i = 0; i < 2 * PER_SIZE; i++) {
    const size = i % 2 === 0 ? { width: 3840, height: 2160 } : { width: 1920, height: 1080 };
    const shot = await screenshotPng(
      `shot-${i}.png`,
      `otpauth://totp/Shot${i}:x?secret=JBSWY3DPEHPK3PXP&issuer=Shot${i}`,
      size,
      i % 4 >= 2,
    );
    await dropFiles(page, [shot]);
    await expect(
      page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem'),
    ).toHaveCount(i + 1, { timeout: 20_000 });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
  const fourK = totals.get(2160) ?? [];
  const fullHd = totals.get(1080) ?? [];
  console.log(
    `worker total per screenshot: 4K ${fourK.join(', ')} ms (median ${median(fourK)}); 1080p ${fullHd.join(', ')} ms (median ${median(fullHd)}); ratio ${(median(fourK) / median(fullHd)).toFixed(2)}`,
  );
  expect(fourK).toHaveLength(PER_SIZE);
  expect(fullHd).toHaveLength(PER_SIZE);
  expect(median(fourK) / median(fullHd)).toBeLessThan(6);
});
