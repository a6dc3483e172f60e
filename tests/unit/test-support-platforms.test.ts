import { afterEach, describe, expect, it, vi } from 'vitest';

// What the test suites decide from the OS they run on, read under a simulated process.platform:
// GitHub's macOS and Windows runners are not this machine.
const realPlatform = process.platform;
async function supportOn(platform: NodeJS.Platform, env: Record<string, string | undefined> = {}) {
  Object.defineProperty(process, 'platform', { value: platform });
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  return import('../support/cli');
}
afterEach(() => {
  Object.defineProperty(process, 'platform', { value: realPlatform });
  vi.unstubAllEnvs();
});

describe('test support on each OS', () => {
  it.each(['darwin', 'win32'] as const)(
    'on %s the OS keychain counts as there, but the Secret Service fault suite (D-Bus tools) does not run',
    async (platform) => {
      const support = await supportOn(platform);
      expect(support.hasKeychain).toBe(true);
      expect(support.hasSecretServiceFaults).toBe(false);
      expect(support.SECRET_SERVICE_FAULTS_SKIP_REASON).toMatch(
        new RegExp(`only on Linux, not ${platform}`),
      );
    },
  );

  it('on Linux the fault suite runs inside a D-Bus session', async () => {
    expect(
      (await supportOn('linux', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' }))
        .hasSecretServiceFaults,
    ).toBe(true);
    expect(
      (await supportOn('linux', { DBUS_SESSION_BUS_ADDRESS: '' })).hasSecretServiceFaults,
    ).toBe(false);
  });

  it('owner-only files are 0o600 where mode bits exist and 0o666 as Node reports them on Windows', async () => {
    expect((await supportOn('linux')).OWNER_ONLY_MODE).toBe(0o600);
    expect((await supportOn('darwin')).OWNER_ONLY_MODE).toBe(0o600);
    expect((await supportOn('win32')).OWNER_ONLY_MODE).toBe(0o666);
  });
});
