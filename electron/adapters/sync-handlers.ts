import type { ApiHandlers } from '../api';
import { qrSvg } from '../core/exporters/qr-render';
import { UserError, invalidInput } from '../core/errors';
import { createPairingCode, followFolder, joinSync, leaveSync, removeOtherDevice, setSyncPassword, setupSync, syncDevices, syncNow, syncStatus, unfollowFolder } from '../sync/sync-actions.node';
import type { BackupPlatform } from './backup-handlers';
import { asOptionalString, asRecord, asString } from './guards';
import type { ServiceHost } from './service-host';

const folderOf = (value: unknown) => asString(value, 'folder', 4_000);
const nameOf = (value: unknown) => asString(value ?? '', 'device name', 200).trim();

function joinSecretFrom(value: unknown): { code: string } | { password: string } {
  const r = asRecord(value, 'a pairing code or sync password');
  const code = asOptionalString(r['code'], 'pairing code');
  const password = asOptionalString(r['password'], 'sync password');
  if ((code === undefined) === (password === undefined)) throw invalidInput('Type the pairing code shown on a device that syncs (or the sync password).');
  return code !== undefined ? { code: code.trim() } : { password: password! };
}

/** Sync through a folder and the Trash's entries: the same actions the CLI runs (electron/sync). */
export function createSyncHandlers(host: ServiceHost, platform: Pick<BackupPlatform, 'chooseFolder'> = {}): Pick<ApiHandlers, 'sync'> {
  const service = () => host.get();
  const reader = () => host.importReader();
  return {
    sync: {
      status: () => syncStatus(service()),
      setup: async (folder, deviceName) => {
        const name = nameOf(deviceName);
        await setupSync(service(), reader(), folderOf(folder), name ? { deviceName: name } : {});
        return syncStatus(service());
      },
      pairingCode: async () => {
        const code = await createPairingCode(service());
        return { code, qrSvg: await qrSvg(code) };
      },
      setPassword: async (password) => {
        await setSyncPassword(service(), asString(password, 'sync password', 1_000));
        return syncStatus(service());
      },
      join: async (folder, secret, deviceName) => {
        await joinSync(service(), reader(), folderOf(folder), joinSecretFrom(secret), nameOf(deviceName) || undefined);
        return syncStatus(service());
      },
      now: () => syncNow(service(), reader()),
      devices: () => syncDevices(service()),
      removeDevice: (id) => removeOtherDevice(service(), reader(), asString(id, 'device id', 200), 'use Leave'),
      leave: async () => {
        await leaveSync(service());
        return syncStatus(service());
      },
      follow: (folder, password) => followFolder(service(), reader(), folderOf(folder), asString(password, 'backup password', 1_000)),
      unfollow: async (folder) => {
        await unfollowFolder(service(), folderOf(folder));
        return syncStatus(service());
      },
      chooseFolder: () => {
        if (!platform.chooseFolder) throw new UserError('io', 'The folder picker is not available here. Type the folder path instead.');
        return platform.chooseFolder('Folder to sync through');
      },
    },
  };
}
