import { readFile } from 'node:fs/promises';

/**
 * The OS's table of mounted file systems where it is readable as a file (Linux: /proc/mounts),
 * so network mounts can be named as such; '' elsewhere (macOS, Windows) or when unreadable.
 */
export function readMountTable(platform: NodeJS.Platform = process.platform): Promise<string> {
  if (platform !== 'linux') return Promise.resolve('');
  return readFile('/proc/mounts', 'utf8').catch(() => '');
}
