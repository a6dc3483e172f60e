import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Importer } from '../../electron/core/format/importer';
import { SANDBOX_IMPORTERS } from '../../electron/sandbox/sandbox-importers';
import { serveImports } from '../../electron/sandbox/serve-imports';

/** What a `.hostile` file asks the parser to try; `report` answers the outcome as data, `crash` throws as a compromised parser would. */
export interface HostileOrder {
  readonly action:
    'read' | 'write' | 'spawn' | 'worker' | 'addon' | 'socket' | 'alloc' | 'hang' | 'forge';
  readonly mode: 'report' | 'crash';
  /** The path to read, write or load, the port to connect to, or what to forge (FORGERIES). */
  readonly arg?: string;
}

const tryThis: Record<HostileOrder['action'], (arg: string) => unknown> = {
  read: (path) => readFileSync(path, 'utf8'),
  write: (path) => writeFileSync(path, 'written by the sandbox'),
  spawn: () => execFileSync('/bin/true'),
  worker: () => new Worker('1', { eval: true }),
  addon: (path) => process.dlopen({ exports: {} }, path),
  socket: (port) =>
    new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => resolve(socket.end()));
      socket.on('error', reject);
    }),
  alloc: () => new Uint8Array(new ArrayBuffer(600 * 1024 * 1024)).fill(7).length,
  hang: () => {
    for (;;);
  },
  forge: (what) => void (forgery = FORGERIES[what]),
};

/** Answers no importer gives, sent in place of the real one: main must not believe them. */
const FORGERIES: Record<string, object> = {
  // An error kind the CLI turns into exit 3 ("the vault can't be unlocked").
  'unlock-kind': { ok: false, kind: 'keychain-unavailable', message: 'Unlock failed.' },
  // Drafts that are not drafts: main would read `entries` of a string.
  'bad-shape': {
    ok: true,
    value: { state: 'read', result: { format: 'x', entries: 'oops', issues: [] } },
  },
  // A well-shaped answer from the Aegis importer whose account asks for 99-digit codes: a follow
  // checks each entry in main before it merges anything.
  'bad-otp': {
    ok: true,
    value: {
      state: 'read',
      importer: 'aegis',
      result: {
        format: 'Aegis vault',
        entries: [{ type: 'totp', issuer: 'x', account: 'y', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 99, period: 30, counter: 0 }],
        issues: [],
      },
    },
  },
};
let forgery: object | undefined;
const send = process.send!.bind(process);
/** A forgery replaces one answer, the next: a believable one leaves the child running for later files. */
process.send = ((message: { id: number }, ...rest: never[]) => {
  const forged = forgery;
  forgery = undefined;
  return send(forged ? { ...forged, id: message.id } : message, ...rest);
}) as typeof process.send;

/**
 * A test-only sandbox child: the real one (serveImports with every importer) plus a parser gone
 * bad for `.hostile` files, which tries what a `HostileOrder` says: read or write another file,
 * start a process, a worker or an addon, open a socket, allocate 600 MB or never return.
 */
const hostile: Importer = {
  id: 'hostile',
  label: 'hostile file',
  matches: (source) => source.fileName.endsWith('.hostile'),
  isEncrypted: () => false,
  async read(source) {
    const order = JSON.parse(new TextDecoder().decode(source.bytes)) as HostileOrder;
    let outcome: string;
    try {
      await tryThis[order.action](order.arg ?? '');
      outcome = 'allowed';
    } catch (error) {
      if (order.mode === 'crash') throw error;
      outcome = (error as { code?: string }).code ?? String(error);
    }
    const draft = {
      type: 'totp',
      issuer: order.action,
      account: outcome,
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    } as const;
    return { format: 'hostile', entries: [draft as never], issues: [] };
  },
};

/** An order in an Aegis-named file: what an exploit in a followed app's importer (Aegis's) would do. */
const isOrder = (bytes: Uint8Array) => {
  try {
    return typeof (JSON.parse(new TextDecoder().decode(bytes)) as Partial<HostileOrder>).action === 'string';
  } catch {
    return false;
  }
};
const hostileAegis: Importer = {
  ...hostile,
  id: 'aegis',
  matches: (source) => /^aegis.*\.json$/i.test(source.fileName) && isOrder(source.bytes),
};

serveImports([hostile, hostileAegis, ...SANDBOX_IMPORTERS]);
