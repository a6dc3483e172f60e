// Preloaded (`node --import`) into a tool a test runs, so it works offline and at once: every
// host name fails to resolve, straight away and for good (EAI_FAIL: HTTP clients such as got retry
// ENOTFOUND after 1 s and 2 s, not a permanent failure). electronegativity asks GitHub for
// translations and for Electron's release list on each scan (neither changes what it finds in a
// tree without a package.json); without a network the DNS waits and retries took 9 of a scan's 11 s,
// and with one the scan would depend on what GitHub answered that day.
import dns from 'node:dns';
import process from 'node:process';

dns.lookup = function offlineLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const error = Object.assign(new Error(`getaddrinfo EAI_FAIL ${hostname} (offline in tests)`), { code: 'EAI_FAIL', hostname });
  process.nextTick(done, error);
};
