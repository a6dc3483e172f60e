/// <reference lib="dom" />
/**
 * Renderer figures with 1000 accounts, through the real renderer build and the loopback bridge
 * in Debian's Chromium: time from navigation to the first code on screen, frame times while
 * scrolling the whole list (from a Chromium performance trace, with requestAnimationFrame
 * deltas as a cross-check), the JS heap, and how much of the page one clock tick touches.
 * Needs a built checkout (dist/) and a Secret Service (run inside scripts/with-keyring.mjs).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/chromium-args';
import { manyAccounts, seedVault } from '../e2e/seed';
import { round, type BenchPart } from './figures';

const ACCOUNTS = 1000;
const LOADS = 5;
/**
 * Seconds the idle CPU figure is measured over: twice, one window straight after the other. The
 * first starts right after the scroll and holds V8's memory reducer shrinking the heap the scroll
 * grew (measured in 15 s windows: heap 17.4 -> 6.6 MB and twice the main-thread time in the window
 * where it ran, then steady); the second is the window left idle, the figure the goal is about.
 */
const IDLE_SECONDS = 30;

const median = (xs: number[]): number | undefined =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number): number | undefined =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);

export async function startBridge(vaultDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      join(process.cwd(), 'dist', 'bridge', 'server.cjs'),
      '--test-harness',
      '--vault',
      vaultDir,
      // A/B runs: OTP_DESK_BENCH_RENDERER=DIR serves another renderer build.
      ...(process.env['OTP_DESK_BENCH_RENDERER']
        ? ['--renderer-dir', process.env['OTP_DESK_BENCH_RENDERER']]
        : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /BRIDGE_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`bridge exited with ${code}; build first`)));
  });
  return { child, url };
}

/** Milliseconds from navigation start to the first row showing digits. */
async function firstCodeMs(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => /\d/.test(document.querySelector('[data-testid="code"]')?.textContent ?? ''),
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return page.evaluate(() => performance.now());
}

/** Scrolls the list top to bottom over ~4 s, one step per frame; returns the rAF deltas. */
async function scrollThrough(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector('.list-scroller')!;
        const deltas: number[] = [];
        const step = (el.scrollHeight - el.clientHeight) / 240;
        let last = performance.now();
        const frame = (now: number) => {
          deltas.push(now - last);
          last = now;
          el.scrollTop += step;
          if (el.scrollTop + el.clientHeight < el.scrollHeight - 1) requestAnimationFrame(frame);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(frame);
      }),
  );
}

/**
 * Frame times and long main-thread tasks from a Chromium trace recorded while `during` runs.
 *
 * A frame's time is what DevTools' Frames track shows: from the vsync (the compositor's
 * `BeginFrame`) a drawn frame began at to the vsync of the next drawn frame, matched to the
 * `DrawFrame` by `frameSeqId`. That is one vsync interval (16.7 ms at 60 Hz) for a frame that
 * kept up, and a multiple of it for each vsync that got no draw (a dropped frame); the list
 * holds one entry per vsync, so the p95 holds only if under 5 % of the scroll's vsyncs were
 * dropped, however they bunch.
 *
 * The gaps between the draws themselves are reported too, but they are not frame times:
 * headless software output draws as soon as a frame is ready rather than at vsync, so
 * draw-to-draw gaps carry the phase jitter of when each frame became ready. A page of plain
 * static rows, scrolled the same way, had draw gaps with a p95 of 17–23 ms over runs with no
 * vsync dropped (`controlPage` prints it beside the list's figures).
 */
async function traceFrames(
  browser: Browser,
  page: Page,
  during: () => Promise<unknown>,
): Promise<{
  frames: number[];
  intervals: number[];
  dropped: number;
  longTasks: number;
  mainTasks: number[];
  rasterMs: number;
  spanMs: number;
}> {
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame'],
  });
  await during();
  type TraceEvent = {
    name: string;
    ts: number;
    dur?: number;
    ph: string;
    pid: number;
    tid: number;
    args?: { name?: string; frameSeqId?: number };
  };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const events = trace.traceEvents;
  const drawEvents = events.filter((e) => e.name === 'DrawFrame');
  // The page's compositor: the process that draws (one page is open).
  const pid = drawEvents[0]?.pid;
  const draws = drawEvents
    .filter((e) => e.pid === pid)
    .map((e) => ({ seq: e.args?.frameSeqId, at: e.ts / 1000 }))
    .sort((a, b) => a.at - b.at);
  const vsyncAt = new Map(
    events
      .filter((e) => e.name === 'BeginFrame' && e.pid === pid)
      .map((e) => [e.args?.frameSeqId, e.ts / 1000]),
  );
  const drawnVsyncs = draws.flatMap((d) => vsyncAt.get(d.seq) ?? []);
  const spans = drawnVsyncs.slice(1).map((t, i) => t - drawnVsyncs[i]!);
  const vsync = median(spans) ?? 1000 / 60;
  // Per vsync on screen: a frame that held the screen for k vsyncs counts k times, so a few
  // long hitches weigh by how long they showed, as a user sees them.
  const frames = spans.flatMap((f) => Array<number>(Math.max(1, Math.round(f / vsync))).fill(f));
  const dropped = frames.length - spans.length;
  const intervals = draws.slice(1).map((d, i) => d.at - draws[i]!.at);
  const threads = (prefix: string) =>
    new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name?.startsWith(prefix))
        .map((e) => `${e.pid}:${e.tid}`),
    );
  const tasksOn = (where: Set<string>) =>
    events
      .filter((e) => e.ph === 'X' && /(^|::)RunTask/.test(e.name) && where.has(`${e.pid}:${e.tid}`))
      .map((e) => (e.dur ?? 0) / 1000);
  // The page's main thread (script, style, layout, paint records) apart from raster on the tile workers.
  const mainTasks = tasksOn(threads('CrRendererMain'));
  const rasterMs = tasksOn(threads('CompositorTileWorker')).reduce((a, b) => a + b, 0);
  const longTasks = mainTasks.filter((d) => d > 50).length;
  if (process.env['OTP_DESK_BENCH_BREAKDOWN']) {
    const main = threads('CrRendererMain');
    const by = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
        by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    console.error([...by].sort((a, b) => b[1] - a[1]).slice(0, 15));
  }
  const spanMs = draws.length > 1 ? draws[draws.length - 1]!.at - draws[0]!.at : 0;
  return { frames, intervals, dropped, longTasks, mainTasks, rasterMs, spanMs };
}

/**
 * The measure's floor on this machine: a page of 1000 plain static rows (no script, nothing
 * mounted while scrolling), scrolled like the list, in the same browser.
 */
async function controlPage(
  browser: Browser,
): Promise<{ frameP95: number | undefined; intervalP95: number | undefined }> {
  const page = await browser.newPage({ viewport: { width: 480, height: 800 } });
  try {
    const rows = Array.from(
      { length: ACCOUNTS },
      (_, i) => `<li style="transform:translateY(${i * 68}px)">Account ${i}<b>123 456</b></li>`,
    ).join('');
    await page.setContent(
      `<style>body{margin:0;font:16px system-ui}.list-scroller{height:700px;overflow-y:auto}` +
        `ul{margin:0;padding:0;list-style:none;position:relative;height:${ACCOUNTS * 68}px}` +
        `li{position:absolute;inset:0 0 auto;height:60px;border:1px solid #ccc;border-radius:8px;contain:layout style paint}</style>` +
        `<div class="list-scroller"><ul>${rows}</ul></div>`,
    );
    const { frames, intervals } = await traceFrames(browser, page, () => scrollThrough(page));
    return { frameP95: pct(frames, 95), intervalP95: pct(intervals, 95) };
  } finally {
    await page.close();
  }
}

/** OTP_DESK_BENCH_BREAKDOWN: the renderer's JS functions by self time while `during` runs, to stderr. */
async function printJsProfile(page: Page, during: () => Promise<unknown>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await during();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\//, '')}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.error([...self].sort((a, b) => b[1] - a[1]).slice(0, 20));
  await cdp.detach();
}

/** Counts DOM mutations in the list over `seconds` of idle clock ticks (what one tick re-renders). */
async function idleMutations(
  page: Page,
  seconds: number,
): Promise<{ perTick: number; rows: number }> {
  return page.evaluate(
    (s) =>
      new Promise<{ perTick: number; rows: number }>((resolve) => {
        let count = 0;
        const observer = new MutationObserver((records) => (count += records.length));
        observer.observe(document.querySelector('.account-list')!, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        setTimeout(() => {
          observer.disconnect();
          resolve({ perTick: count / s, rows: document.querySelectorAll('.account-row').length });
        }, s * 1000);
      }),
    seconds,
  );
}

/** CPU seconds a Linux process has used (user + system), from /proc; undefined elsewhere. */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  // Fields after the command name (which may hold spaces) start at index 3 of stat(5): utime is 14, stime 15.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  const ticks =
    Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

/** CPU seconds of every Chromium process of a type so far ('renderer', 'browser', 'GPU', ...). */
async function chromiumCpuSeconds(browser: Browser): Promise<Record<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    const byType: Record<string, number> = {};
    for (const p of processInfo) byType[p.type] = (byType[p.type] ?? 0) + p.cpuTime;
    return byType;
  } finally {
    await cdp.detach();
  }
}

/**
 * Renderer + service CPU while the window sits idle with 1000 accounts (the codes tick every
 * second), over IDLE_SECONDS, as a percentage of one core; the browser process is reported apart.
 */
async function idleCpu(
  browser: Browser,
  servicePid: number | undefined,
): Promise<{
  percent: number;
  rendererPercent: number;
  servicePercent: number;
  browserPercent: number;
}> {
  const before = await chromiumCpuSeconds(browser);
  const serviceBefore = processCpuSeconds(servicePid) ?? 0;
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const after = await chromiumCpuSeconds(browser);
  const service = (processCpuSeconds(servicePid) ?? 0) - serviceBefore;
  const renderer = (after['renderer'] ?? 0) - (before['renderer'] ?? 0);
  const browserSide = Object.keys(after)
    .filter((type) => type !== 'renderer')
    .reduce((sum, type) => sum + (after[type] ?? 0) - (before[type] ?? 0), 0);
  const percent = (seconds: number) => (100 * seconds) / IDLE_SECONDS;
  return {
    percent: percent(renderer + service),
    rendererPercent: percent(renderer),
    servicePercent: percent(service),
    browserPercent: percent(browserSide),
  };
}

/** Runs the renderer benchmark: a few lines of plain text and the figures. */
export async function runUiBench(): Promise<BenchPart> {
  // Resolved from the checkout at run time: the bench bundle must not inline Playwright.
  const { chromium } = createRequire(join(process.cwd(), 'package.json'))(
    '@playwright/test',
  ) as typeof import('@playwright/test');
  const vaultDir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'ui-bench-'));
  await seedVault(vaultDir, manyAccounts(ACCOUNTS));
  const { child, url } = await startBridge(vaultDir);
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 480, height: 800 } });
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await firstCodeMs(page, url));
    let raf: number[] = [];
    const { frames, intervals, dropped, longTasks, mainTasks, rasterMs, spanMs } =
      await traceFrames(browser, page, async () => (raf = await scrollThrough(page)));
    if (process.env['OTP_DESK_BENCH_BREAKDOWN']) {
      await page.evaluate(() => (document.querySelector('.list-scroller')!.scrollTop = 0));
      console.error('renderer JS while scrolling:');
      await printJsProfile(page, () => scrollThrough(page));
      console.error('renderer main thread over 10 s idle:');
      await traceFrames(browser, page, () => page.waitForTimeout(10_000));
      console.error('renderer JS over 10 s idle:');
      await printJsProfile(page, () => page.waitForTimeout(10_000));
    }
    const control = await controlPage(browser);
    const idle = await idleMutations(page, 3);
    const heap = await page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0,
    );
    const afterScroll = await idleCpu(browser, child.pid);
    const cpu = await idleCpu(browser, child.pid);
    const over = (xs: number[], limit: number) =>
      `${((100 * xs.filter((x) => x > limit).length) / Math.max(1, xs.length)).toFixed(1)} %`;
    const text = [
      `Renderer, ${ACCOUNTS} accounts (Chromium ${browser.version()}, software rendering; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs):`,
      `  navigation → first code shown: median ${ms(median(loads))} of ${LOADS} loads (min ${ms(Math.min(...loads))}, max ${ms(Math.max(...loads))})`,
      `  scrolling all ${ACCOUNTS} rows in ${raf.length} frames, trace: ${frames.length} frames, frame time median ${ms(median(frames))}, p95 ${ms(pct(frames, 95))}, max ${ms(Math.max(...frames))}, vsyncs dropped ${dropped}; main-thread tasks over 50 ms: ${longTasks}`,
      `  gaps between draws (phase jitter, not frame time): p95 ${ms(pct(intervals, 95))}; a page of ${ACCOUNTS} static rows in the same browser: gaps p95 ${ms(control.intervalP95)}, frame time p95 ${ms(control.frameP95)}`,
      `  renderer main thread while scrolling: busy ${ms(mainTasks.reduce((a, b) => a + b, 0))} of ${ms(spanMs)}, task p95 ${ms(pct(mainTasks, 95))}, max ${ms(Math.max(0, ...mainTasks))}; software raster on tile workers ${ms(rasterMs)}`,
      `  same scroll, requestAnimationFrame deltas: median ${ms(median(raf))}, p95 ${ms(pct(raf, 95))}, max ${ms(Math.max(...raf))}, over 20 ms ${over(raf, 20)}`,
      `  idle clock tick: ${idle.perTick.toFixed(0)} DOM mutations per second in the list, ${idle.rows} rows in the DOM (rows change when their codes do; with one period for all, the countdown is the list's)`,
      `  JS heap after scrolling: ${(heap / 1024 / 1024).toFixed(1)} MB`,
      `  idle, the ${IDLE_SECONDS} s right after the scroll (V8 shrinks the heap the scroll grew): renderer + service ${afterScroll.percent.toFixed(2)} % of a core`,
      `  idle, the ${IDLE_SECONDS} s after those: renderer + service ${cpu.percent.toFixed(2)} % of a core (renderer ${cpu.rendererPercent.toFixed(2)} %, service ${cpu.servicePercent.toFixed(2)} %; browser and GPU processes ${cpu.browserPercent.toFixed(2)} %)`,
    ].join('\n');
    return {
      text,
      figures: {
        uiFirstCodeMs: round(median(loads) ?? NaN, 1),
        uiScrollFrameP95Ms: round(pct(frames, 95) ?? NaN, 1),
        uiScrollRafP95Ms: round(pct(raf, 95) ?? NaN, 1),
        uiScrollDrawGapP95Ms: round(pct(intervals, 95) ?? NaN, 1),
        uiScrollDroppedFrames: dropped,
        uiHeapMB: round(heap / 1024 / 1024, 1),
        idleCpuPercent: round(cpu.percent, 2),
        idleAfterScrollCpuPercent: round(afterScroll.percent, 2),
        idleRendererCpuPercent: round(cpu.rendererPercent, 2),
        idleServiceCpuPercent: round(cpu.servicePercent, 2),
        idleBrowserCpuPercent: round(cpu.browserPercent, 2),
      },
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(vaultDir, { recursive: true, force: true });
  }
}
