/** Types for bcrypt-pbkdf (the pure-JS port of OpenBSD's bcrypt_pbkdf that sshpk and ssh2 use); it ships none. */
declare module 'bcrypt-pbkdf' {
  const bcryptPbkdf: {
    /** Fills `key` with `keylen` derived bytes; returns 0, or -1 for invalid arguments. */
    pbkdf(pass: Uint8Array, passlen: number, salt: Uint8Array, saltlen: number, key: Uint8Array, keylen: number, rounds: number): number;
  };
  export default bcryptPbkdf;
}
