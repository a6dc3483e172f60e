import { derivePairing, newPairingKeyPair, requestContext, responseContext, seal, unseal } from '../../electron/browser/channel-crypto';
import { NATIVE_HOST_NAME, type RequestBody, type ResponseBody, type ResponseEnvelope, type WireRequest, type WireResponse } from '../../electron/browser/protocol';

/** What the extension keeps about its pairing (chrome.storage.local; never a TOTP secret, never a code). */
export interface StoredPairing {
  readonly pairingId: string;
  readonly channelKey: string;
  readonly code: string;
}

type Answer = WireResponse | { readonly id: number; readonly kind: 'disconnected'; readonly message: string };
type Outgoing = WireRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

let port: chrome.runtime.Port | undefined;
let nextId = 1;
const waiting = new Map<number, (answer: Answer) => void>();

/** Words a person can act on for the browser's reasons to drop the native connection. */
function disconnectMessage(reason: string | undefined): string {
  if (reason?.includes('not found')) return "OTP Desk's browser helper is not installed. In OTP Desk open Settings › Browser and choose Install, or run: otp-desk browser install-host";
  if (reason?.includes('forbidden')) return 'OTP Desk does not allow this extension. Install the OTP Desk extension from the app (Settings › Browser).';
  return 'Lost the connection to OTP Desk. Make sure OTP Desk is running, then try again.';
}

/** One native port, kept open between requests (a new host process per fill would cost ~50 ms). */
function connect(): chrome.runtime.Port {
  if (port) return port;
  const opened = chrome.runtime.connectNative(NATIVE_HOST_NAME);
  opened.onMessage.addListener((message: WireResponse) => {
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  opened.onDisconnect.addListener(() => {
    const message = disconnectMessage(chrome.runtime.lastError?.message);
    if (port === opened) port = undefined;
    for (const [id, resolve] of waiting) resolve({ id, kind: 'disconnected', message });
    waiting.clear();
  });
  port = opened;
  return opened;
}

function send(message: Outgoing, timeoutMs = 20_000): Promise<Answer> {
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve({ id, kind: 'disconnected', message: 'OTP Desk did not answer. Make sure it is running, then try again.' });
    }, timeoutMs);
    waiting.set(id, (answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
    connect().postMessage({ ...message, id });
  });
}

/** Starts pairing: returns what to store and the code to show; OTP Desk shows the same code for the user to confirm. */
export async function pair(name: string): Promise<StoredPairing | { readonly message: string }> {
  const keys = await newPairingKeyPair();
  const answer = await send({ kind: 'pair', extensionKey: keys.publicKey, name });
  if (answer.kind !== 'pairing') return { message: 'message' in answer ? answer.message : 'OTP Desk did not accept the pairing request.' };
  const secrets = await derivePairing(keys, answer.appKey, keys.publicKey, answer.appKey);
  return { pairingId: answer.pairingId, channelKey: secrets.channelKey, code: secrets.code };
}

/** Sends one sealed request and opens the sealed answer; anything else becomes a message to show. */
export async function request(pairing: StoredPairing, body: RequestBody, timeoutMs?: number): Promise<ResponseBody> {
  const sealed = await seal(pairing.channelKey, requestContext(pairing.pairingId), { ts: Date.now(), body });
  const answer = await send({ kind: 'sealed', pairingId: pairing.pairingId, ...sealed }, timeoutMs);
  if (answer.kind === 'locked') return { type: 'locked', message: answer.message };
  if (answer.kind !== 'sealed') return { type: 'refused', message: 'message' in answer ? answer.message : 'OTP Desk refused the request.' };
  try {
    const envelope = (await unseal(pairing.channelKey, responseContext(pairing.pairingId, sealed.iv), answer)) as ResponseEnvelope;
    return envelope.body;
  } catch {
    return { type: 'refused', message: 'The answer did not come from the paired OTP Desk; nothing was filled.' };
  }
}
