import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** True where Debian's syncthing is installed (scripts/ensure-deps.mjs installs it for npm test). */
export const hasSyncthing = spawnSync('syncthing', ['--version']).status === 0;

const FOLDER_ID = 'otp-desk-test';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** One Syncthing instance on 127.0.0.1 only: no discovery, relays, NAT, announcements, upgrades or usage reports. */
export class SyncthingInstance {
  private process: ChildProcess | undefined;
  deviceId = '';
  port = 0;
  guiPort = 0;
  readonly apiKey = `test-${Math.random().toString(36).slice(2)}`;

  constructor(
    readonly home: string,
    readonly folder: string,
  ) {}

  async generate(): Promise<void> {
    mkdirSync(join(this.folder, '.stfolder'), { recursive: true });
    const run = spawnSync('syncthing', ['generate', `--home=${this.home}`, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`syncthing generate failed: ${run.stderr}`);
    this.deviceId = spawnSync('syncthing', ['serve', `--home=${this.home}`, '--device-id'], { encoding: 'utf8' }).stdout.trim();
    this.port = await freePort();
    this.guiPort = await freePort();
  }

  /** Writes config.xml sharing the folder with `peer` at its explicit 127.0.0.1 address, rescanning every second. */
  configure(peer: SyncthingInstance): void {
    const version = /<configuration version="(\d+)"/.exec(readFileSync(join(this.home, 'config.xml'), 'utf8'))![1];
    const device = (d: SyncthingInstance) => `<device id="${d.deviceId}" name="${d === this ? 'self' : 'peer'}" compression="metadata" introducer="false"><address>tcp://127.0.0.1:${d.port}</address><autoAcceptFolders>false</autoAcceptFolders></device>`;
    writeFileSync(join(this.home, 'config.xml'), `<configuration version="${version}">
  <folder id="${FOLDER_ID}" label="OTP Desk test" path="${this.folder}" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
    <device id="${this.deviceId}"></device><device id="${peer.deviceId}"></device>
    <minDiskFree unit="%">0</minDiskFree>
    <!-- Written out: a folder element without it gets 0, which overwrites the losing side of a clash instead of keeping it. -->
    <maxConflicts>10</maxConflicts>
  </folder>
  ${device(this)}
  ${device(peer)}
  <gui enabled="true" tls="false"><address>127.0.0.1:${this.guiPort}</address><apikey>${this.apiKey}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${this.port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <startBrowser>false</startBrowser>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
    <announceLANAddresses>false</announceLANAddresses>
  </options>
</configuration>
`);
  }

  async start(): Promise<void> {
    this.process = spawn('syncthing', ['serve', `--home=${this.home}`, '--no-browser', '--no-restart', '--no-upgrade'], {
      env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STGUIADDRESS: '', STTRACE: '' },
      stdio: 'ignore',
    });
    await waitFor(async () => (await this.api('GET', '/rest/system/ping').catch(() => null)) !== null, 30_000, 'syncthing to start');
  }

  async stop(): Promise<void> {
    const proc = this.process;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => proc.kill('SIGKILL'))]);
    this.process = undefined;
  }

  async api(method: 'GET' | 'POST', path: string): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, { method, headers: { 'X-API-Key': this.apiKey } });
    if (!response.ok) throw new Error(`syncthing ${path}: ${response.status}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  /** Asks for a rescan now (instead of waiting for the watcher). */
  async scan(): Promise<void> {
    await this.api('POST', `/rest/db/scan?folder=${FOLDER_ID}`).catch(() => undefined);
  }

  async connectedTo(peer: SyncthingInstance): Promise<boolean> {
    const connections = (await this.api('GET', '/rest/system/connections').catch(() => null)) as { connections?: Record<string, { connected: boolean }> } | null;
    return connections?.connections?.[peer.deviceId]?.connected === true;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Two connected instances sharing one folder (A's and B's copies of it). */
export async function startSyncthingPair(root: string): Promise<[SyncthingInstance, SyncthingInstance]> {
  const a = new SyncthingInstance(join(root, 'st-a'), join(root, 'folder-a'));
  const b = new SyncthingInstance(join(root, 'st-b'), join(root, 'folder-b'));
  await a.generate();
  await b.generate();
  a.configure(b);
  b.configure(a);
  await a.start();
  await b.start();
  await waitFor(async () => (await a.connectedTo(b)) && (await b.connectedTo(a)), 60_000, 'the two syncthing instances to connect');
  return [a, b];
}

export const exists = existsSync;
