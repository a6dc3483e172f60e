import { createPairingCode, followFolder, joinSync, leaveSync, removeOtherDevice, setupSync, syncDevices, syncNow, syncStatus, unfollowFolder, type SyncSummary } from '../../sync/sync-actions.node';
import { ImportSandbox } from '../../sandbox/import-sandbox.node';
import { readPasswordFile, UsageError, type CliContext } from '../cli-context';
import { terminalQr } from './show';

const ACTIONS = 'setup, pairing-code, join, now, status, devices, remove-device, leave, follow or unfollow';

function summaryLine(s: SyncSummary): string {
  const parts = [`${s.added} added`, `${s.changed} changed`, `${s.removed} moved to the Trash`];
  return `Synced: ${parts.join(', ')} (${s.filesRead} device file${s.filesRead === 1 ? '' : 's'} read).`;
}

/** Problems go to stderr after the summary: a sync that skipped a file still did the rest. */
function reportProblems(s: SyncSummary, err: (line: string) => void): void {
  for (const problem of s.problems) err(`otp-desk: ${problem}`);
}

const time = (seconds: number | null) => (seconds === null ? 'never' : new Date(seconds * 1000).toISOString());

/** `sync setup|pairing-code|join|now|status|devices|remove-device|leave|follow|unfollow` (GUIDE §5). */
export async function syncCommand(ctx: CliContext, err: (line: string) => void = (line) => console.error(line)): Promise<number> {
  const [action, arg, ...rest] = ctx.positionals;
  const one = (what: string) => {
    if (arg === undefined || rest.length > 0) throw new UsageError(`sync ${action} takes ${what}.`);
    return arg;
  };
  const none = () => {
    if (arg !== undefined) throw new UsageError(`sync ${action} takes no argument.`);
  };
  const flag = (name: string) => ctx.values[name] as string | undefined;
  // Followed phone backups are parsed in the import sandbox, as `otp-desk import` parses files.
  const reader = new ImportSandbox();
  switch (action) {
    case 'setup': {
      const folder = one('one FOLDER');
      const password = flag('sync-password-file') ? await readPasswordFile(flag('sync-password-file')!) : undefined;
      const service = await ctx.openService(true);
      const path = await setupSync(service, reader, folder, { ...(flag('device-name') ? { deviceName: flag('device-name')! } : {}), ...(password !== undefined ? { syncPassword: password } : {}) });
      ctx.out(`This vault now syncs through ${path}. On another computer: otp-desk sync join ${path} --code CODE (show a code with otp-desk sync pairing-code).`);
      return 0;
    }
    case 'pairing-code': {
      none();
      const code = await createPairingCode(await ctx.openService(false));
      ctx.out(code);
      ctx.out(await terminalQr(code, process.stdout.isTTY === true));
      ctx.out('Type this code on the new device (otp-desk sync join FOLDER --code CODE, or Settings › Sync). It works once.');
      return 0;
    }
    case 'join': {
      const folder = one('one FOLDER');
      const code = flag('code');
      const passwordFile = flag('sync-password-file');
      if ((code === undefined) === (passwordFile === undefined)) throw new UsageError('sync join needs --code CODE or --sync-password-file F (one of them).');
      const secret = code !== undefined ? { code } : { password: await readPasswordFile(passwordFile!) };
      const service = await ctx.openService(true);
      await joinSync(service, reader, folder, secret, flag('device-name'));
      ctx.out(`Joined ${folder}; ${service.listAccounts().length} accounts here now.`);
      return 0;
    }
    case 'now': {
      none();
      const summary = await syncNow(await ctx.openService(false), reader);
      ctx.out(summaryLine(summary));
      reportProblems(summary, err);
      return 0;
    }
    case 'status': {
      none();
      const status = syncStatus(await ctx.openService(false));
      if (ctx.values['json']) ctx.out(JSON.stringify(status, null, 2));
      else {
        ctx.out(status.folder ? `Folder: ${status.folder}` : 'Folder: none (this vault does not sync through a folder)');
        if (status.device) ctx.out(`This device: ${status.device.name ?? '-'} (${status.device.id})`);
        ctx.out(`Last sync: ${time(status.lastSync)}`);
        for (const f of status.follows) ctx.out(`Following: ${f.folder} (${f.app}${f.lastFile ? `; last read ${f.lastFile}` : ''})`);
        for (const p of status.problems) ctx.out(`Problem: ${p}`);
      }
      return 0;
    }
    case 'devices': {
      none();
      const devices = await syncDevices(await ctx.openService(false));
      if (ctx.values['json']) ctx.out(JSON.stringify(devices, null, 2));
      else for (const d of devices) ctx.out(`${d.id}  ${d.name}  last seen ${time(d.lastSeen)}${d.you ? '  (this device)' : ''}`);
      return 0;
    }
    case 'remove-device': {
      const id = one('one device ID (see otp-desk sync devices)');
      const name = await removeOtherDevice(await ctx.openService(false), reader, id, 'run otp-desk sync leave');
      ctx.out(`Removed ${name}. The folder has a new sync key: that device reads nothing new, and its later changes are ignored. Other devices pick up the new key at their next sync; join new devices with a new pairing code.`);
      return 0;
    }
    case 'leave': {
      none();
      await leaveSync(await ctx.openService(false));
      ctx.out('This vault no longer syncs; its accounts stay here. The other devices keep syncing with a new key.');
      return 0;
    }
    case 'follow': {
      const folder = one('one FOLDER');
      const passwordFile = flag('password-file');
      if (!passwordFile) throw new UsageError('sync follow needs --password-file F (the password of the backups).');
      const password = await readPasswordFile(passwordFile);
      const summary = await followFolder(await ctx.openService(true), reader, folder, password);
      ctx.out(`Following ${folder}. ${summaryLine(summary)}`);
      reportProblems(summary, err);
      return 0;
    }
    case 'unfollow': {
      await unfollowFolder(await ctx.openService(false), one('one FOLDER'));
      ctx.out(`No longer following ${arg}; the accounts it brought stay.`);
      return 0;
    }
    default:
      throw new UsageError(`sync takes ${ACTIONS}.`);
  }
}
