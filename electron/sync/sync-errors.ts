import { UserError } from '../core/errors';

/** A wrong pairing code or sync password: the CLI exits 3 (like a wrong vault password); nothing was changed. */
export class SyncSecretRejected extends UserError {
  constructor(message: string) {
    super('wrong-password', message);
  }
}

export const notSetUp = () => new UserError('not-found', 'This vault does not sync yet. Set it up with otp-desk sync setup FOLDER, join with otp-desk sync join FOLDER, or follow a phone\'s backups with otp-desk sync follow FOLDER.');
