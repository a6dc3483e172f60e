import jsQR from 'jsqr';
import { createQrDecoder, type QrDecoder } from '../../electron/core/qr/qr';
import { loadCurvedQrReader } from '../../electron/core/qr/qr-curved.node';
import { loadZxingReaderWasm } from '../../electron/core/qr/qr-wasm.node';
import { generate4kScreenshot } from '../fixtures/synthetic-qr';
import { percentile, round, type BenchPart } from './figures';
import {
  isCorrect,
  loadCorpusOtpImages,
  loadQrSamples,
  qrSamplesDir,
  syntheticBenchImages,
  type BenchImage,
} from './qr-bench-images';

type Decode = (image: BenchImage['image']) => Promise<string[]>;

interface Row {
  readonly decoder: string;
  readonly decoded: number;
  readonly total: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Names of the images this decoder read correctly. */
  readonly read: ReadonlySet<string>;
}

/** Per-image deadline given to our decoders in the benchmark (the app's default is 5 s). */
const DEADLINE_MS = 3000;
/** Timed decodes of each image per decoder; an image's time is their median. */
const TIMED_RUNS = 3;
const PIPELINE = 'pipeline (zxing passes, then curved)';
const FALLBACK = 'same zxing passes, then jsQR fallback';
const JSQR = 'jsQR with our strategy alone';
const PLAIN = 'plain jsQR (defaults)';

async function measure(
  decoder: string,
  images: readonly BenchImage[],
  decode: Decode,
): Promise<Row> {
  const times: number[] = [];
  const read = new Set<string>();
  // One untimed pass first: what is timed is each decoder's steady cost, not the JIT's warm-up or
  // an engine's one-time load (OpenCV's, on the first image zxing could not read: qrCurvedLoadMs).
  for (const image of images) await decode(image.image);
  // Each image's time is the median of TIMED_RUNS decodes. With 7 of the 141 samples read by OpenCV
  // (~25 ms each), the p95 is the single slowest other image; timed once, one GC pause or a busy
  // moment of the machine in any of 134 decodes could become the p95. (What it does not take out:
  // the VM's slower hours, when the big screenshots themselves take 14-21 ms instead of 12-16.)
  for (const image of images) {
    const runs: number[] = [];
    for (let run = 0; run < TIMED_RUNS; run++) {
      const started = performance.now();
      const texts = await decode(image.image);
      runs.push(performance.now() - started);
      if (run === 0 && isCorrect(image, texts)) read.add(image.name);
    }
    times.push(percentile(runs, 50));
  }
  return {
    decoder,
    decoded: read.size,
    total: images.length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    read,
  };
}

/** Plain jsQR with its defaults, as most apps call it: one code per call, no scaling. */
const plainJsqr: Decode = async (image) => {
  const code = jsQR(image.data, image.width, image.height);
  return code ? [code.data] : [];
};

const viaDecoder =
  (decoder: QrDecoder): Decode =>
  (image) =>
    decoder.decode(image, { deadlineMs: DEADLINE_MS });

function table(title: string, rows: readonly Row[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.decoder.padEnd(42)} | ${`${r.decoded}/${r.total}`.padStart(7)} | ${r.medianMs.toFixed(1).padStart(9)} | ${r.p95Ms.toFixed(1).padStart(7)} |`,
  );
  return [
    title,
    `| ${'decoder'.padEnd(42)} | decoded | median ms |  p95 ms |`,
    `|${'-'.repeat(44)}|---------|-----------|---------|`,
    ...lines,
  ].join('\n');
}

/** Runs every decoder over `images`; says which images jsQR read that zxing-wasm missed. */
async function compare(
  title: string,
  images: readonly BenchImage[],
  decoders: Record<string, Decode>,
): Promise<{ text: string; rows: Record<string, Row> }> {
  const rows: Record<string, Row> = {};
  for (const [name, decode] of Object.entries(decoders))
    rows[name] = await measure(name, images, decode);
  const zxing = rows[PIPELINE]!.read;
  const jsqrAdds = [...new Set([...rows[JSQR]!.read, ...rows[PLAIN]!.read])].filter(
    (name) => !zxing.has(name),
  );
  const pipelineMisses = images
    .map((i) => i.name)
    .filter((name) => !rows[PIPELINE]!.read.has(name));
  const text = [
    table(title, Object.values(rows)),
    `jsQR reads that zxing-wasm misses: ${jsqrAdds.length ? jsqrAdds.join(', ') : 'none'}`,
    `pipeline misses: ${pipelineMisses.length ? pipelineMisses.join(', ') : 'none'}`,
  ].join('\n');
  return { text, rows };
}

/**
 * Several 3840×2160 screenshots, one small code each, every one decoded 5 times: p95 of wall time,
 * and of this process's CPU time (what a loaded machine cannot inflate much) beside it.
 */
async function time4k(
  decoder: QrDecoder,
): Promise<{ text: string; p95: number; cpuP95: number; ok: boolean }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let ok = true;
  for (const seed of [3, 8, 13, 18]) {
    const shot = generate4kScreenshot(seed);
    for (let run = 0; run < 5; run++) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      const texts = await decoder.decode(shot.image);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      ok &&= isCorrect(shot, texts);
    }
  }
  const p95 = percentile(times, 95);
  const cpuP95 = percentile(cpu, 95);
  return {
    p95,
    cpuP95,
    ok,
    text: `3840×2160 screenshots, one small code (4 images × 5 runs): median ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal <= 60); CPU time p95 ${cpuP95.toFixed(1)} ms${ok ? '' : ' — NOT ALL DECODED'}`,
  };
}

/**
 * QR decode rate and time: our pipeline next to its parts and to plain jsQR defaults on the same
 * pixels, on the OTP set (every OTP QR image in tests/fixtures/corpus plus the synthetic screenshots
 * and photo) and on the 141 real-world zxing-cpp samples.
 */
export async function runQrBench(options: { samplesDir?: string } = {}): Promise<BenchPart> {
  const wasm = loadZxingReaderWasm();
  const loadStarted = performance.now();
  await loadCurvedQrReader();
  const curvedLoadMs = performance.now() - loadStarted;
  // The app's Node decoder (getNodeQrDecoder): zxing, then OpenCV's curved reader where zxing saw
  // a code it could not read.
  const pipeline = await createQrDecoder({ zxingWasm: wasm, curved: loadCurvedQrReader });
  const decoders: Record<string, Decode> = {
    [PIPELINE]: viaDecoder(pipeline),
    [FALLBACK]: viaDecoder(
      await createQrDecoder({ zxingWasm: wasm, curved: loadCurvedQrReader, jsqrFallback: true }),
    ),
    [JSQR]: viaDecoder(await createQrDecoder({})),
    [PLAIN]: plainJsqr,
  };
  const figures: BenchPart['figures'] = { qrCurvedLoadMs: round(curvedLoadMs, 0) };
  const parts: string[] = [];

  const fourK = await time4k(pipeline);
  figures['qr4kP95Ms'] = round(fourK.p95, 1);
  figures['qr4kCpuP95Ms'] = round(fourK.cpuP95, 1);
  parts.push(fourK.text);

  const otpSet = [...(await loadCorpusOtpImages()), ...syntheticBenchImages()];
  const otp = await compare(
    'OTP set (tests/fixtures/corpus OTP QR images + synthetic screenshots 1080p–4K, dark, inverted, two codes, tiny crop, 12 MP photo)',
    otpSet,
    decoders,
  );
  figures['qrOtpSetDecoded'] = otp.rows[PIPELINE]!.decoded;
  figures['qrOtpSetTotal'] = otpSet.length;
  parts.push(otp.text);

  const dir = options.samplesDir ?? qrSamplesDir();
  if (dir) {
    const samples = await compare(
      `Real-world samples (${dir})`,
      await loadQrSamples(dir),
      decoders,
    );
    const ours = samples.rows[PIPELINE]!;
    Object.assign(figures, {
      qrSamplesTotal: ours.total,
      qrSamplesDecoded: ours.decoded,
      jsqrSamplesDecoded: samples.rows[PLAIN]!.decoded,
      fallbackSamplesDecoded: samples.rows[FALLBACK]!.decoded,
      fallbackSamplesP95Ms: round(samples.rows[FALLBACK]!.p95Ms, 1),
      qrSamplesP95Ms: round(ours.p95Ms, 1),
      qrSamplesMedianMs: round(ours.medianMs, 1),
      jsqrSamplesP95Ms: round(samples.rows[PLAIN]!.p95Ms, 1),
    });
    parts.push(samples.text);
  } else parts.push('Real-world samples: tests/fixtures/corpus/qr-samples not found, skipped.');
  return {
    figures,
    text: ['QR decoding (pixels already decoded; one thread)', ...parts].join('\n\n'),
  };
}
