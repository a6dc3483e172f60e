/** Why a file could not be written, in words, from the system's error code (ENOSPC, EACCES, ...). */
export function writeFailureReason(code: string | undefined): string {
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'OTP Desk is not allowed to write there',
    EPERM: 'OTP Desk is not allowed to write there',
    EROFS: 'the disk is read-only',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'part of the path is a file, not a folder',
    EIO: 'the disk reported an error',
  };
  return `${why[code ?? ''] ?? 'the file could not be written'} (${code ?? 'error'})`;
}

/** Why a file could not be read, in words a user can act on (never the bare system code). */
export function readFailureReason(code: string | undefined): string {
  const why: Record<string, string> = {
    ENOENT: 'there is no such file; check the path',
    EACCES: 'OTP Desk is not allowed to read it; check its permissions',
    EPERM: 'OTP Desk is not allowed to read it; check its permissions',
    EISDIR: 'it is a folder, not a file',
    ENOTDIR: 'part of the path is a file, not a folder',
    EIO: 'the disk reported an error',
  };
  return why[code ?? ''] ?? 'the file could not be read';
}
