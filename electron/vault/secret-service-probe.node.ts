import { KEYCHAIN_SERVICE } from './keychain';

/**
 * Where the item for a vault is, as the Secret Service itself reports it. keytar answers "no
 * item" both when the item is gone and when the keyring is locked (its unlock prompt failed or
 * was dismissed), so on Linux we ask the service directly. `SearchItems` never prompts: it
 * lists matching items as unlocked and locked. `unknown` when gdbus or the service can't tell.
 */
export type SecretItemState = 'locked' | 'absent' | 'unknown';

/** keytar stores with libsecret's generic schema: attributes `service` and `account`. */
export function probeSecretServiceItem(
  vaultId: string,
  platform = process.platform,
): Promise<SecretItemState> {
  if (platform !== 'linux') return Promise.resolve('unknown');
  const attributes = `{${JSON.stringify('service')}: ${JSON.stringify(KEYCHAIN_SERVICE)}, ${JSON.stringify('account')}: ${JSON.stringify(vaultId)}}`;
  const args = [
    'call',
    '--session',
    '--dest',
    'org.freedesktop.secrets',
    '--object-path',
    '/org/freedesktop/secrets',
    '--method',
    'org.freedesktop.Secret.Service.SearchItems',
    attributes,
  ];
  // child_process (with net and dgram) is loaded only when a probe runs, not at every CLI start.
  return import('node:child_process').then(
    ({ execFile }) =>
      new Promise((resolve) => {
        execFile('gdbus', args, { timeout: 5_000 }, (error, stdout) =>
          resolve(error ? 'unknown' : parseSearchItems(stdout)),
        );
      }),
  );
}

/** gdbus prints `([unlocked paths], [locked paths])`, an empty list as `@ao []`. */
export function parseSearchItems(output: string): SecretItemState {
  const lists = /^\((.*\]), (.*\])\)\s*$/.exec(output.trim());
  if (!lists) return 'unknown';
  const hasPath = (list: string) => list.includes("objectpath '");
  if (hasPath(lists[2]!)) return 'locked';
  return hasPath(lists[1]!) ? 'unknown' : 'absent';
}
