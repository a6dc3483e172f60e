/**
 * Everything the bridge holds for one vault: main's service host and API handlers, the browser
 * channel, the link inbox, the idle locker, and the test harness's answers and counters. The e2e
 * fixture reuses one bridge process per Playwright worker and gives each test a fresh session on
 * its own vault (a cold bridge start costs about half a second of CPU; 150 specs pay it once per worker).
 */
import type { Server } from 'node:net';
import { IdleLocker } from '../../../electron/lock/auto-lock';
import { createApiHandlers } from '../../../electron/adapters/api-handlers';
import { ServiceHost } from '../../../electron/adapters/service-host';
import { LinkInbox } from '../../../electron/main/desktop/link-inbox';
import { ImportSandbox } from '../../../electron/sandbox/import-sandbox.node';
import type { KeyStore } from '../../../electron/vault/keychain';
import { resolveVaultDir } from '../../../electron/vault/paths.node';
import { releaseDialogText, type SecretRelease } from '../../../electron/lock/secret-release';
import { BrowserChannel } from '../../../electron/browser/browser-channel';
import { listenForBrowsers } from '../../../electron/browser/channel-server.node';
import { browserSocketPath } from '../../../electron/browser/socket-path.node';

export interface SessionOptions {
  readonly keyStore: KeyStore;
  readonly testHarness: boolean;
  /** The harness's stand-in answer to main's "let this secret leave?" dialog. */
  readonly confirmSecrets: boolean;
  /** Tells every open page that main's state changed. */
  readonly notify: () => void;
}

export class BridgeSession {
  /** Main's injected clock offset: the page sends its own (possibly faked) time with each call. */
  clockOffsetMs = 0;
  confirmAnswer: boolean;
  /** What main asked (the dialog's words), for the test to read. */
  readonly asked: ReturnType<typeof releaseDialogText>[] = [];
  /** Links arrive through /__bridge/open-link, as the OS would hand them over. */
  readonly inbox = new LinkInbox();
  panelHides = 0;
  browserConfirm = false;
  unlockPrompts = 0;
  /** The app reads the system idle time (powerMonitor); the harness sets it. */
  simulatedIdleSeconds = 0;
  readonly host: ServiceHost;
  readonly handlers: ReturnType<typeof createApiHandlers>;
  readonly idleLocker: IdleLocker;
  private readonly browserChannel: BrowserChannel;
  private browserServer: Server | undefined;
  private readonly unsubscribe: () => void;
  private readonly inFlight = new Set<Promise<unknown>>();

  private constructor(vault: string | undefined, options: SessionOptions) {
    this.confirmAnswer = options.confirmSecrets;
    this.host = new ServiceHost(resolveVaultDir(vault), options.keyStore, new ImportSandbox(), () => Date.now() + this.clockOffsetMs);
    const browserChannel = new BrowserChannel(this.host, {
      confirm: async () => this.browserConfirm,
      showUnlock: () => void this.unlockPrompts++,
      pairingRequested: () => undefined,
    });
    this.handlers = createApiHandlers(this.host, {
      browserChannel,
      // The preview has no one to ask in main (no native dialog), so it refuses what needs a confirmation.
      ...(options.testHarness
        ? { confirmSecretRelease: async (release: SecretRelease) => (this.asked.push(releaseDialogText(release)), this.confirmAnswer) }
        : {}),
      desktop: {
        hidePanel: () => (this.panelHides++, true),
        takeLinks: (unlocked) => this.inbox.take(unlocked),
        shortcut: () => ({ accelerator: '', label: '', registered: false, message: 'Global shortcuts work only in the OTP Desk app.' }),
      },
    });
    this.idleLocker = new IdleLocker(() => this.simulatedIdleSeconds, () => this.host.lockPolicy(), (trigger) => this.host.autoLock(trigger));
    this.unsubscribe = this.host.onChanged(options.notify);
    this.browserChannel = browserChannel;
  }

  /** Opens (creating if new) the vault in `vault` and the browser-fill socket beside it. */
  static async open(vault: string | undefined, options: SessionOptions): Promise<BridgeSession> {
    const session = new BridgeSession(vault, options);
    await session.host.start();
    session.browserServer = await listenForBrowsers(browserSocketPath(session.host.vaultDir), session.browserChannel);
    return session;
  }

  /** Runs one of the page's calls against this session; close() waits for those still running. */
  run<T>(call: () => Promise<T>): Promise<T> {
    const running = call();
    this.inFlight.add(running);
    const forget = () => void this.inFlight.delete(running);
    running.then(forget, forget);
    return running;
  }

  /**
   * Waits for the page's calls still running (a save sent just before the test ended would
   * otherwise write into a folder the test is removing), then stops watching and backing up, and
   * removes the browser socket (so runs leave no stale sockets). At exit (`waitForCalls` false) it
   * closes at once, before the caller removes a throwaway vault.
   */
  async close(waitForCalls = true): Promise<void> {
    // A call that waits on something that will not come (a confirmation no one gives) stops no one for long.
    if (waitForCalls)
      await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((done) => setTimeout(done, 5_000).unref())]);
    this.unsubscribe();
    this.host.close();
    this.browserServer?.close();
  }
}
