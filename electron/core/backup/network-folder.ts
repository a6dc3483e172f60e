/**
 * Network folders, so main's "back up here?" question can say a folder is on another computer:
 * backups written there leave this one. Read from the path's spelling (UNC, //host, smb:) and, where
 * the OS shows it (Linux's /proc/mounts), from the file system the folder is mounted from.
 */

/** Mount types whose files live on another computer (names as /proc/mounts gives them). */
const NETWORK_FILE_SYSTEMS = new Set([
  'cifs', 'smb3', 'smbfs', 'nfs', 'nfs4', 'afpfs', 'ncpfs', '9p', 'ceph', 'glusterfs', 'afs', 'lustre',
  'davfs', 'fuse.davfs2', 'sshfs', 'fuse.sshfs', 'fuse.rclone', 'fuse.s3fs', 'fuse.gvfsd-fuse',
]);

/** /proc/mounts writes space, tab, newline and backslash in paths as octal escapes. */
const unescapeMount = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** The host in a mount source: `//host/share` (SMB), `host:/path` or `user@host:path` (NFS, sshfs). */
function hostOfSource(source: string): string {
  const smb = /^\/\/([^/]+)/.exec(source);
  if (smb) return smb[1]!;
  const colon = /^(?:[^@/]+@)?([^:/]+):/.exec(source);
  return colon ? colon[1]! : source;
}

/**
 * The computer a folder lives on when it is a network folder (`\\host\share`, `\\?\UNC\host\share`,
 * `//host/share`, `smb://host/…`, or a path under a network mount listed in `mounts`), else undefined.
 */
export function networkFolderHost(folder: string, mounts = ''): string | undefined {
  const longUnc = /^\\\\\?\\UNC\\([^\\/]+)/i.exec(folder);
  if (longUnc) return longUnc[1];
  // \\?\C:\… and \\.\… are this machine's own long-path and device forms.
  if (/^\\\\[?.]\\/.test(folder)) return undefined;
  const unc = /^(?:\\\\|\/\/|[\\/]{2})([^\\/]+)/.exec(folder);
  if (unc) return unc[1];
  const url = /^(?:smb|cifs|nfs|afp|dav|davs|webdav|sftp|ftp):\/\/([^/\\]+)/i.exec(folder);
  if (url) return url[1]!.replace(/^[^@]*@/, '');
  let best: { point: string; type: string; source: string } | undefined;
  for (const line of mounts.split('\n')) {
    const [source, rawPoint, type] = line.split(' ');
    if (!source || !rawPoint || !type) continue;
    const point = unescapeMount(rawPoint);
    const inside = point === '/' || folder === point || folder.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length >= best.point.length)) best = { point, type, source: unescapeMount(source) };
  }
  return best && NETWORK_FILE_SYSTEMS.has(best.type) ? hostOfSource(best.source) : undefined;
}

/** How main's dialog names a backup folder: plainly, or as a network folder on another computer. */
export function describeBackupFolder(folder: string, mounts = ''): string {
  const host = networkFolderHost(folder, mounts);
  return host ? `the network folder ${folder} (on ${host}, another computer)` : folder;
}
