import { randomUUID } from 'node:crypto';
import type { ServiceHost } from '../adapters/service-host';
import { derivePairing, newPairingKeyPair, requestContext, responseContext, seal, unseal, type Sealed } from './channel-crypto';
import { answerFill, type FillPrompts } from './fill-request';
import { addPairing, readPairings, removePairing, summarizePairing, type PairingSummary } from './pairings';
import { LOCKED_MESSAGE, MESSAGE_MAX_AGE_MS, type RequestEnvelope, type ResponseBody, type WireResponse } from './protocol';

/** A pairing the user has not confirmed yet: its code is shown in the app to compare with the extension's. */
export interface PendingPairing {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly requestedAt: number;
}

/** What the app does for the channel: dialogs and windows. */
export interface BrowserChannelHooks extends FillPrompts {
  /** The vault is locked and a paired browser asked: bring the unlock window forward. */
  showUnlock(): void;
  /** A browser asked to pair: show the code and ask the user to confirm it. */
  pairingRequested(pairing: PendingPairing): void;
}

const PENDING_TTL_MS = 5 * 60_000;
const MAX_PENDING = 3;
const refused = (id: number, message: string): WireResponse => ({ id, kind: 'refused', message });
const NOT_PAIRED = 'This browser is not paired with OTP Desk. Click the OTP Desk button in the browser toolbar and choose Pair.';
const UNVERIFIED = 'OTP Desk refused a request it could not verify (stale, repeated or altered); nothing was filled.';

/**
 * The app's end of the browser channel: pairing, then sealed requests that are fresh, seen
 * once and from a paired browser. Everything else gets a one-line refusal and nothing more.
 */
export class BrowserChannel {
  private readonly pending = new Map<string, PendingPairing & { channelKey: string }>();
  /** Request IVs seen within the freshness window, per pairing: a replay inside the window is refused too. */
  private readonly seen = new Map<string, number>();
  private lastUnlockPrompt = 0;

  constructor(
    private readonly host: ServiceHost,
    private readonly hooks: BrowserChannelHooks,
    /** The real clock (freshness is about the wire, not the user's code-clock offset). */
    private readonly clock: () => number = Date.now,
  ) {}

  pendingPairings(): PendingPairing[] {
    this.prunePending();
    return [...this.pending.values()].map(({ channelKey: _key, ...rest }) => rest);
  }

  /** The user compared the codes: keep the pairing (in the vault) or drop it. */
  async confirmPairing(id: string, accept: boolean): Promise<void> {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (!pending || !accept) return;
    await addPairing(this.host.get(), { id, name: pending.name, channelKey: pending.channelKey, createdAt: this.clock() });
  }

  pairings(): PairingSummary[] {
    return readPairings(this.host.get()).map(summarizePairing);
  }

  async unpair(id: string): Promise<boolean> {
    return removePairing(this.host.get(), id);
  }

  /** One message from the native host; always answers (the host matches answers by id). */
  async handle(message: unknown): Promise<WireResponse> {
    const m = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
    const id = typeof m['id'] === 'number' ? m['id'] : 0;
    try {
      if (m['kind'] === 'pair' && typeof m['extensionKey'] === 'string') return await this.pair(id, m['extensionKey'], String(m['name'] ?? 'A browser').slice(0, 80));
      if (m['kind'] === 'sealed' && typeof m['pairingId'] === 'string' && typeof m['iv'] === 'string' && typeof m['data'] === 'string') {
        return await this.sealed(id, m['pairingId'], { iv: m['iv'], data: m['data'] });
      }
    } catch {
      return refused(id, UNVERIFIED);
    }
    return refused(id, NOT_PAIRED);
  }

  private async pair(id: number, extensionKey: string, name: string): Promise<WireResponse> {
    if (this.host.status().state !== 'unlocked') return this.locked(id);
    this.prunePending();
    if (this.pending.size >= MAX_PENDING) return refused(id, 'Too many pairing requests are waiting. Answer them in OTP Desk, then try again.');
    const keys = await newPairingKeyPair();
    const secrets = await derivePairing(keys, extensionKey, extensionKey, keys.publicKey);
    const pending = { id: randomUUID(), name, code: secrets.code, requestedAt: this.clock(), channelKey: secrets.channelKey };
    this.pending.set(pending.id, pending);
    const { channelKey: _key, ...shown } = pending;
    this.hooks.pairingRequested(shown);
    return { id, kind: 'pairing', pairingId: pending.id, appKey: keys.publicKey };
  }

  private locked(id: number): WireResponse {
    // A locked vault can't check a pairing, so it says only that it is locked (and asks the user once in a while).
    if (this.clock() - this.lastUnlockPrompt > 3_000) {
      this.lastUnlockPrompt = this.clock();
      this.hooks.showUnlock();
    }
    return { id, kind: 'locked', message: LOCKED_MESSAGE };
  }

  private async sealed(id: number, pairingId: string, sealed: Sealed): Promise<WireResponse> {
    const pending = this.pending.get(pairingId);
    if (!pending && this.host.status().state !== 'unlocked') return this.locked(id);
    const channelKey = pending?.channelKey ?? (this.host.status().state === 'unlocked' ? readPairings(this.host.get()).find((p) => p.id === pairingId)?.channelKey : undefined);
    if (!channelKey) return refused(id, NOT_PAIRED);
    const envelope = (await unseal(channelKey, requestContext(pairingId), sealed)) as RequestEnvelope;
    const now = this.clock();
    if (typeof envelope?.ts !== 'number' || Math.abs(now - envelope.ts) > MESSAGE_MAX_AGE_MS) return refused(id, UNVERIFIED);
    for (const [key, expires] of this.seen) if (expires < now) this.seen.delete(key);
    const seenKey = `${pairingId}/${sealed.iv}`;
    if (this.seen.has(seenKey)) return refused(id, UNVERIFIED);
    this.seen.set(seenKey, now + 2 * MESSAGE_MAX_AGE_MS);
    const body = await this.answer(envelope, Boolean(pending));
    return { id, kind: 'sealed', ...(await seal(channelKey, responseContext(pairingId, sealed.iv), { ts: this.clock(), body })) };
  }

  private async answer(envelope: RequestEnvelope, pending: boolean): Promise<ResponseBody> {
    const body = envelope.body;
    const locked = this.host.status().state !== 'unlocked';
    if (body?.type === 'status') return { type: 'status', paired: pending ? 'pending' : 'paired', locked };
    if (pending) return { type: 'refused', message: 'Confirm the pairing code in OTP Desk first.' };
    if (body?.type !== 'fill' || typeof body.pageUrl !== 'string' || typeof body.frameUrl !== 'string') return { type: 'refused', message: 'OTP Desk did not understand the request.' };
    if (locked) {
      this.locked(0);
      return { type: 'locked', message: LOCKED_MESSAGE };
    }
    const accountId = typeof body.accountId === 'string' ? body.accountId : undefined;
    return answerFill(this.host.get(), { pageUrl: body.pageUrl, frameUrl: body.frameUrl, ...(accountId ? { accountId } : {}) }, this.hooks);
  }

  private prunePending(): void {
    for (const [id, p] of this.pending) if (this.clock() - p.requestedAt > PENDING_TTL_MS) this.pending.delete(id);
  }
}
