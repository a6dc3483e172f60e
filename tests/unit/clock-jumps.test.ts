import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../electron/cli/cli-context';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { secondsLeft, shownWindowOf, windowIsStale } from '../../renderer/src/lib/code-clock';
import { referenceTotp } from '../support/reference-totp';

const SECRET = 'JBSWY3DPEHPK3PXP';
/** A service whose clock the test moves, like a machine whose time changes under the app. */
async function serviceWithClock(startMs: number) {
  let now = startMs;
  const service = await AuthenticatorService.open(
    join(mkdtempSync(join(tmpdir(), 'otp-desk-clock-')), 'vault'),
    new MemoryKeyStore(),
    {
      create: true,
      clock: () => now,
    },
  );
  await service.addAccount(buildDraft({ secret: SECRET, issuer: 'ACME', account: 'ana' }));
  return { service, setClock: (ms: number) => (now = ms) };
}

// Local-time changes (UTC instants): Europe/Berlin spring forward and fall back, US Eastern fall back.
const DST_CHANGES = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z'];

describe('codes and countdowns when the clock changes', () => {
  it('codes run on straight through daylight-saving changes in every time zone (codes follow UTC)', async () => {
    for (const change of DST_CHANGES) {
      const at = Date.parse(change);
      const { service } = await serviceWithClock(at);
      const around = [-31_000, -1_000, 0, 1_000, 29_000, 31_000].map((d) => at + d);
      const windows = around.map((ms) => service.codesAt(ms)[0]!);
      around.forEach((ms, i) => {
        const seconds = Math.floor(ms / 1000);
        expect(windows[i]!.code).toBe(referenceTotp(SECRET, seconds));
        expect(windows[i]!.validFrom).toBe(seconds - (seconds % 30));
        expect(windows[i]!.validUntil - windows[i]!.validFrom).toBe(30);
      });
      // The same instant written with the local offsets on either side of the change gives the same code.
      const local = new Date(at + 15 * 60_000);
      const utc = parseTime(local.toISOString());
      for (const offset of ['+01:00', '+02:00', '-04:00', '-05:00']) {
        const [h, m] = offset.slice(1).split(':').map(Number) as [number, number];
        const sign = offset.startsWith('-') ? -1 : 1;
        const wall = new Date(utc + sign * (h * 60 + m) * 60_000)
          .toISOString()
          .replace('Z', offset)
          .replace('.000', '');
        expect(parseTime(wall)).toBe(utc);
      }
    }
  });

  it('follows the clock when it jumps back or ahead: the code is the one for the new time', async () => {
    const start = Date.parse('2026-06-01T12:00:10Z');
    const { service, setClock } = await serviceWithClock(start);
    for (const jump of [0, -3_600_000, +86_400_000, -59_000, +15_000, -1, +7 * 86_400_000]) {
      const at = start + jump;
      setClock(at);
      const [entry] = service.codesAt(service.now());
      const seconds = Math.floor(at / 1000);
      expect(entry!.validFrom).toBeLessThanOrEqual(seconds);
      expect(entry!.validUntil).toBeGreaterThan(seconds);
      expect(entry!.code).toBe(referenceTotp(SECRET, seconds));
    }
  });

  it('the app refetches codes after a jump in either direction, and the countdown is never negative or over the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4_000_000_000 }),
        fc.constantFrom(30, 60, 15, 10),
        fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }),
        (fetchedAtSeconds, period, jumpMs) => {
          const validFrom = fetchedAtSeconds - (fetchedAtSeconds % period);
          const shown = { validFrom, validUntil: validFrom + period };
          const nowMs = fetchedAtSeconds * 1000 + jumpMs;
          const stillRight = nowMs >= validFrom * 1000 && nowMs < shown.validUntil * 1000;
          expect(windowIsStale(shownWindowOf([shown]), nowMs)).toBe(!stillRight);
          const left = secondsLeft(shown.validUntil, period, nowMs);
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left).toBeLessThanOrEqual(period);
          if (stillRight) expect(left).toBeGreaterThan(0);
        },
      ),
      { numRuns: 5_000 },
    );
    expect(windowIsStale(shownWindowOf([{ validFrom: 0, validUntil: 0 }]), 123)).toBe(false); // HOTP codes never expire by time
    expect(secondsLeft(Number.NaN, 30, Date.now())).toBe(0);
  });

  it('the window computed once per fetch goes stale exactly when any shown code would (the 1 s tick reads only it)', () => {
    const code = fc.oneof(
      fc.record({ validFrom: fc.constant(0), validUntil: fc.constant(0) }), // HOTP
      fc
        .tuple(
          fc.integer({ min: 1_700_000_000, max: 1_700_000_600 }),
          fc.constantFrom(15, 30, 60, 90),
        )
        .map(([at, period]) => ({
          validFrom: at - (at % period),
          validUntil: at - (at % period) + period,
        })),
    );
    fc.assert(
      fc.property(
        fc.array(code, { maxLength: 40 }),
        fc.integer({ min: 1_699_999_900_000, max: 1_700_000_800_000 }),
        (codes, nowMs) => {
          const now = nowMs / 1000;
          const anyStale = codes.some(
            (c) => c.validUntil > 0 && (now >= c.validUntil || now < c.validFrom),
          );
          expect(windowIsStale(shownWindowOf(codes), nowMs)).toBe(anyStale);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
