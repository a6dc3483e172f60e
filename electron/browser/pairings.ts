import type { AuthenticatorService } from '../service';

/** A browser paired with this vault; the channel key is kept encrypted in the vault with the accounts. */
export interface BrowserPairing {
  readonly id: string;
  readonly name: string;
  readonly channelKey: string;
  readonly createdAt: number;
}

/** What the pairings list shows (never the key). */
export type PairingSummary = Omit<BrowserPairing, 'channelKey'>;

const SETTING = 'browserPairings';

function isPairing(value: unknown): value is BrowserPairing {
  const p = value as BrowserPairing;
  return typeof p === 'object' && p !== null && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.channelKey === 'string' && typeof p.createdAt === 'number';
}

export function readPairings(service: AuthenticatorService): BrowserPairing[] {
  const stored = service.setting<unknown>(SETTING);
  return Array.isArray(stored) ? stored.filter(isPairing) : [];
}

export function summarizePairing({ channelKey: _key, ...summary }: BrowserPairing): PairingSummary {
  return summary;
}

export async function addPairing(service: AuthenticatorService, pairing: BrowserPairing): Promise<void> {
  await service.setSetting(SETTING, [...readPairings(service).filter((p) => p.id !== pairing.id), pairing]);
}

/** Forgets a browser: its next request is refused as unknown. Returns false when no pairing had that id. */
export async function removePairing(service: AuthenticatorService, id: string): Promise<boolean> {
  const pairings = readPairings(service);
  if (!pairings.some((p) => p.id === id)) return false;
  await service.setSetting(SETTING, pairings.filter((p) => p.id !== id));
  return true;
}
