import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_OFFSET_MS, readSettings, validateSettingsPatch } from '../../electron/core/settings';
import { buildDraft } from '../../electron/core/otp/draft';
import { generateCode } from '../../electron/core/otp/otp';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';

const NOW = 1_700_000_010_000;
const DAY = 24 * 3600 * 1000;

/** A service on a fixed true clock, with a 30 s and a 60 s account. */
async function openService() {
  const service = await AuthenticatorService.open(
    join(mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'otp-desk-offset-')), 'vault'),
    new MemoryKeyStore(),
    { create: true, clock: () => NOW },
  );
  await service.addAccount(buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Thirty', account: 'ana' }));
  await service.addAccount(buildDraft({ secret: 'KRSXG5CTMVRXEZLU', issuer: 'Sixty', account: 'ana', period: 60 }));
  return service;
}

describe('the clock offset a page may set', () => {
  it('is bounded to what a real clock error needs (± 15 minutes)', () => {
    expect(MAX_CLOCK_OFFSET_MS).toBe(15 * 60 * 1000);
    expect(validateSettingsPatch({ clockOffsetMs: 900_000 })).toEqual({ clockOffsetMs: 900_000 });
    expect(validateSettingsPatch({ clockOffsetMs: -900_000 })).toEqual({ clockOffsetMs: -900_000 });
    // The probe of issue 18: 23 h 59 min ahead.
    expect(() => validateSettingsPatch({ clockOffsetMs: 86_340_000 })).toThrow(/clockOffsetMs.*15 minutes/);
    expect(() => validateSettingsPatch({ clockOffsetMs: 900_001 })).toThrow(/15 minutes/);
    // An older vault may hold a larger offset: it no longer counts.
    expect(readSettings({ clockOffsetMs: 86_340_000 }).clockOffsetMs).toBe(0);
  });

  it('an offset stored beyond the bound (an older vault, another process) moves no code', async () => {
    const service = await openService();
    const honest = service.codesNear(NOW);
    await service.setSetting('clockOffsetMs', 86_340_000);
    expect(service.codesNear(NOW)).toEqual(honest);
    expect(service.codesAt(NOW)).toEqual(honest);
  });

  it('a valid offset still corrects the codes (the clamp follows the corrected clock)', async () => {
    const service = await openService();
    await service.setSetting('clockOffsetMs', 600_000);
    const corrected = service.codesNear(NOW);
    expect(corrected).toEqual(service.codesAt(NOW));
    expect(corrected[0]!.validFrom * 1000).toBeLessThanOrEqual(NOW + 600_000);
    expect(corrected[0]!.validUntil * 1000).toBeGreaterThan(NOW + 600_000);
  });

  it('no stored offset and requested time yields a code outside the true clock ± (bound + one period)', async () => {
    const service = await openService();
    const periods = new Map(service.accounts().map((a) => [a.id, a.period * 1000]));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -2 * DAY, max: 2 * DAY }),
        fc.oneof(fc.integer({ min: NOW - 3 * DAY, max: NOW + 3 * DAY }), fc.integer({ min: -1e13, max: 1e13 })),
        async (offset, atMs) => {
          await service.setSetting('clockOffsetMs', offset);
          for (const codes of service.codesNear(atMs)) {
            const slack = MAX_CLOCK_OFFSET_MS + periods.get(codes.id)!;
            // The code's own validity window must overlap the allowed window around main's true clock.
            expect(codes.validUntil * 1000).toBeGreaterThan(NOW - slack);
            expect(codes.validFrom * 1000).toBeLessThanOrEqual(NOW + slack);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a code asked for a given time (the CLI’s --at)', () => {
  it('is the code of that time step even when the clock ticks during the call, on a period boundary', async () => {
    // A clock that moves one millisecond each time it is read, as a real one can between two reads.
    let ticks = 0;
    const service = await AuthenticatorService.open(
      join(mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'otp-desk-at-')), 'vault'),
      new MemoryKeyStore(),
      { create: true, clock: () => NOW + ticks++ },
    );
    await service.addAccount(buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Twenty', account: 'ana', period: 20 }));
    const boundary = 1_700_000_000; // a multiple of 20 s: one millisecond earlier is the step before
    const params = { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 20, counter: 0 } as const;
    for (let i = 0; i < 5; i++) expect(service.codesAt(boundary * 1000)[0]!.code).toBe(generateCode(params, boundary));
    expect(generateCode(params, boundary)).not.toBe(generateCode(params, boundary - 1));
  });
});
