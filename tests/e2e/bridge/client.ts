/**
 * Test-only: defines window.otpDesk in a plain browser page by forwarding every contract call
 * to the loopback bridge. Built from the same method list as the preload.
 */
import { API_METHODS } from '../../../electron/api';
import { buildRemoteApi } from '../../../electron/preload/build-remote-api';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('bridge-token') ?? '';
sessionStorage.setItem('bridge-token', token);
if (location.hash.includes('token=')) history.replaceState(null, '', location.pathname + location.search);

const listeners = new Set<() => void>();
const events = new EventSource(`/__bridge/events?token=${encodeURIComponent(token)}`);
events.onmessage = () => listeners.forEach((listener) => listener());

(window as unknown as { otpDesk: unknown }).otpDesk = buildRemoteApi(
  API_METHODS,
  async (namespace, method, args) => {
    const response = await fetch('/__bridge/call', {
      method: 'POST',
      // The page's clock (faked by Playwright's page.clock in some tests) moves main's injected clock.
      headers: { 'content-type': 'application/json', 'x-bridge-token': token, 'x-bridge-clock': String(Date.now()) },
      body: JSON.stringify({ namespace, method, args }),
    });
    if (!response.ok) return { ok: false, error: { kind: 'internal', message: `Bridge refused the call (${response.status}).` } };
    return response.json();
  },
  (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
);
