import { afterEach, describe, expect, it, vi } from 'vitest';

// electron/main/main.ts run against a stand-in Electron: what a packaged build does at start-up
// with a debugging switch on its command line (security-policy.test.ts checks the switch list).
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  const app = {
    isPackaged: true,
    exit: (code: number) => calls.push(`exit ${code}`),
    quit: () => calls.push('quit'),
    setPath: () => undefined,
    getPath: () => '/nonexistent',
    on: () => app,
    requestSingleInstanceLock: () => (calls.push('single-instance lock'), true),
    whenReady: () => (calls.push('whenReady'), new Promise(() => undefined)),
    setAsDefaultProtocolClient: () => true,
  };
  return { app, calls };
});

vi.mock('electron', () => {
  const stub: Record<string, unknown> = {
    app: electron.app,
    protocol: { registerSchemesAsPrivileged: () => electron.calls.push('app:// scheme') },
  };
  // Anything else main's modules touch while loading is an inert stand-in (never a thenable).
  return new Proxy(stub, {
    get: (target, name) =>
      name in target || name === 'then' || typeof name === 'symbol'
        ? target[name as string]
        : class {},
  });
});

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
  electron.calls.length = 0;
  electron.app.isPackaged = true;
  vi.resetModules();
});

async function startMain(...args: string[]): Promise<string[]> {
  process.argv = ['/opt/OTP Desk/otp-desk', ...args];
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../electron/main/main');
  return electron.calls;
}

describe('a packaged build started with a debugging switch', () => {
  it.each(['--inspect', '--inspect-brk=9229', '--remote-debugging-port=9222', '--js-flags=--expose-gc'])(
    'exits with status 1 before anything starts when given %s',
    async (flag) => {
      expect(await startMain(flag)).toEqual(['exit 1']);
      expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/does not run with --/));
    },
  );

  it('starts normally without one, and a development build is not stopped by --inspect', async () => {
    expect(await startMain('--hidden')).toEqual(['single-instance lock', 'app:// scheme', 'whenReady']);
    vi.resetModules();
    electron.calls.length = 0;
    electron.app.isPackaged = false;
    expect(await startMain('--inspect')).toEqual(['single-instance lock', 'app:// scheme', 'whenReady']);
  });
});
