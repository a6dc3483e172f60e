import type { Figures } from './figures';

/** A figure's goal from issue 12, to print beside the measurement. */
interface Goal {
  readonly what: string;
  readonly goal: string;
  readonly holds: (figures: Figures) => boolean | undefined;
}

const atLeast = (key: string, min: number) => (f: Figures) =>
  f[key] === undefined ? undefined : f[key]! >= min;
const atMost = (key: string, max: number) => (f: Figures) =>
  f[key] === undefined ? undefined : f[key]! <= max;

/** The figures `npm run -s bench -- --json` prints that have a goal, in table order. */
export const GOALS: Readonly<Record<string, Goal>> = {
  vaultOpenRatio: {
    what: '1000 keychain items read / 1000-account vault opened',
    goal: '>= 200',
    holds: atLeast('vaultOpenRatio', 200),
  },
  codesRatio: {
    what: 'current + next codes, 1000 mixed accounts / 2000 raw node:crypto HMACs',
    goal: '<= 1.5',
    holds: atMost('codesRatio', 1.5),
  },
  codesTick1000Ms: {
    what: 'the same call within the time step (ms)',
    goal: '<= 0.5',
    holds: atMost('codesTick1000Ms', 0.5),
  },
  qrSamplesDecoded: {
    what: '141 real QR samples decoded (plain jsQR: jsqrSamplesDecoded)',
    goal: '>= 136',
    holds: atLeast('qrSamplesDecoded', 136),
  },
  qrSamplesP95Ms: {
    what: 'QR pipeline p95 on the 141 samples, each the median of 3 after one untimed pass (ms)',
    goal: '<= 20',
    holds: atMost('qrSamplesP95Ms', 20),
  },
  qrOtpSetDecoded: {
    what: 'OTP QR set decoded (of qrOtpSetTotal)',
    goal: 'all',
    holds: (f) =>
      f['qrOtpSetDecoded'] === undefined ? undefined : f['qrOtpSetDecoded'] === f['qrOtpSetTotal'],
  },
  qr4kP95Ms: {
    what: '3840×2160 screenshots, one small code, p95 (ms)',
    goal: '<= 60',
    holds: atMost('qr4kP95Ms', 60),
  },
  cliCodeRatio: {
    what: '`otp-desk code QUERY` process / `node -e 0`, medians of 7',
    goal: '<= 1.4',
    holds: atMost('cliCodeRatio', 1.4),
  },
  browserFillMs: {
    what: 'browser fill: trigger → code in the page field, median of 15 (ms)',
    goal: '<= 150',
    holds: atMost('browserFillMs', 150),
  },
  uiFirstCodeMs: {
    what: 'renderer, 1000 accounts: navigation to first code (ms)',
    goal: '<= 300',
    holds: atMost('uiFirstCodeMs', 300),
  },
  uiScrollFrameP95Ms: {
    what: 'frame time p95 while scrolling, per vsync shown (ms)',
    goal: '<= 16.7',
    holds: atMost('uiScrollFrameP95Ms', 16.7),
  },
  uiHeapMB: { what: 'renderer JS heap (MB)', goal: '<= 30', holds: atMost('uiHeapMB', 30) },
  syncMerge1000x3Ms: {
    what: 'sync merge of 3 devices x 1000 accounts (ms)',
    goal: '<= 50',
    holds: atMost('syncMerge1000x3Ms', 50),
  },
  syncFileBytesPerAccount: {
    what: 'sync device file bytes per account (encrypted, padded)',
    goal: '<= 300',
    holds: atMost('syncFileBytesPerAccount', 300),
  },
  idleCpuPercent: {
    what: 'renderer + service CPU, 30 s idle, after the 30 s right after a scroll (% of a core)',
    goal: '<= 1',
    holds: atMost('idleCpuPercent', 1),
  },
};

/** A Markdown table of every measured figure that has a goal: key, value, goal, whether it holds. */
export function goalTable(figures: Figures): string {
  const rows = Object.entries(GOALS)
    .filter(([key]) => figures[key] !== undefined)
    .map(
      ([key, g]) =>
        `| \`${key}\` | ${g.what} | ${figures[key]} | ${g.goal} | ${g.holds(figures) ? 'yes' : 'no'} |`,
    );
  return ['| key | what | measured | goal | holds |', '|---|---|---:|---|---|', ...rows].join('\n');
}
