import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { HASH_ALGORITHMS, type HashAlgorithm, type OtpType } from '../otp/account';
import { UserError } from '../errors';
import type { Stamp } from './stamp';
import { SYNCED_FIELD_NAMES, type AccountRecord, type SeenChanges, type SyncState, type SyncedFields, type Tombstone, type Version } from './sync-state';

/**
 * A device view as compact bytes (JSON of arrays, deflated), and back. Stamps name devices by
 * their index in one table; fields are arrays in SYNCED_FIELD_NAMES order. Decoding checks every
 * shape and size, so a damaged or truncated file is refused whole, never read as "no accounts".
 */
const CODEC_VERSION = 1;
const MAX_ACCOUNTS = 100_000;
const MAX_TEXT = 2048;
const OTP_TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam'];

type Encoded = readonly unknown[];

const damaged = () => new UserError('integrity', 'A sync file is damaged or was cut off while being written; it is skipped until its device writes it again.');

function encoder() {
  const devices: string[] = [];
  const index = new Map<string, number>();
  const dev = (device: string) => {
    let i = index.get(device);
    if (i === undefined) index.set(device, (i = devices.push(device) - 1));
    return i;
  };
  const stamp = (s: Stamp) => [dev(s.device), s.wall, s.counter];
  const changes = (c: SeenChanges) => Object.values(c).flatMap(stamp);
  const fields = (f: SyncedFields) => SYNCED_FIELD_NAMES.map((name) => f[name]);
  const version = (v: Version) => [v.id, ...stamp(v.stamp), fields(v.fields)];
  return { devices, stamp, changes, fields, version };
}

/** The bytes of a device view. */
export function encodeSyncState(state: SyncState): Uint8Array {
  const e = encoder();
  const records = Object.values(state.records).map((r: AccountRecord) => [...e.version(r.current), e.changes(r.changes)]);
  const tombstones = Object.entries(state.tombstones).map(([id, t]) => [id, ...e.stamp(t.stamp), e.changes(t.saw)]);
  const history = state.history.map(e.version);
  return deflateSync(strToU8(JSON.stringify([CODEC_VERSION, e.devices, records, tombstones, history])), { level: 9 });
}

function check(ok: unknown): asserts ok {
  if (!ok) throw damaged();
}
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isArray = (v: unknown, max = MAX_ACCOUNTS * 4): v is unknown[] => Array.isArray(v) && v.length <= max;

function decoder(devices: readonly string[]) {
  const stampAt = (a: Encoded, i: number): Stamp => {
    const [d, wall, counter] = [a[i], a[i + 1], a[i + 2]];
    check(isInt(d) && devices[d] !== undefined && isInt(wall) && isInt(counter) && counter >= 0);
    return { device: devices[d]!, wall, counter };
  };
  const changes = (a: unknown): SeenChanges => {
    check(isArray(a, 3 * 1000) && a.length % 3 === 0 && a.length > 0);
    const out: Record<string, Stamp> = {};
    for (let i = 0; i < a.length; i += 3) {
      const s = stampAt(a, i);
      out[s.device] = s;
    }
    return out;
  };
  const fields = (a: unknown): SyncedFields => {
    check(isArray(a, SYNCED_FIELD_NAMES.length) && a.length === SYNCED_FIELD_NAMES.length);
    const f = Object.fromEntries(SYNCED_FIELD_NAMES.map((name, i) => [name, a[i]])) as Record<string, unknown>;
    check(OTP_TYPES.includes(f['type'] as OtpType) && HASH_ALGORITHMS.includes(f['algorithm'] as HashAlgorithm));
    check(isText(f['secret']) && isText(f['issuer']) && isText(f['account']) && isText(f['group']) && isText(f['icon']));
    check(isInt(f['digits']) && isInt(f['period']) && isInt(f['counter']) && typeof f['favorite'] === 'boolean');
    check(Number.isFinite(f['order']) && Number.isFinite(f['createdAt']));
    return f as unknown as SyncedFields;
  };
  const version = (a: unknown): Version => {
    check(isArray(a, 6) && a.length >= 5 && isText(a[0]) && (a[0] as string).length > 0);
    return { id: a[0] as string, stamp: stampAt(a, 1), fields: fields(a[4]) };
  };
  return { stampAt, changes, fields, version };
}

/** A device view from its bytes; a UserError ('integrity') for anything damaged. */
export function decodeSyncState(bytes: Uint8Array): SyncState {
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(inflateSync(bytes)));
  } catch {
    throw damaged();
  }
  check(isArray(value, 5) && value[0] === CODEC_VERSION);
  const [, devices, records, tombstones, history] = value as [number, unknown, unknown, unknown, unknown];
  check(isArray(devices, 10_000) && devices.every(isText));
  check(isArray(records, MAX_ACCOUNTS) && isArray(tombstones, MAX_ACCOUNTS) && isArray(history, MAX_ACCOUNTS));
  const d = decoder(devices as string[]);
  const out: { records: Record<string, AccountRecord>; tombstones: Record<string, Tombstone> } = { records: {}, tombstones: {} };
  for (const r of records) {
    check(isArray(r, 6) && r.length === 6);
    const current = d.version(r);
    const changes = d.changes(r[5]);
    check(changes[current.stamp.device]);
    out.records[current.id] = { current, changes };
  }
  for (const t of tombstones) {
    check(isArray(t, 5) && t.length === 5 && isText(t[0]));
    out.tombstones[t[0] as string] = { stamp: d.stampAt(t, 1), saw: d.changes(t[4]) };
  }
  return { ...out, history: history.map(d.version) };
}
