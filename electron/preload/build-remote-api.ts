import type { API_METHODS, RemoteApi } from '../api';

/** Sends one call somewhere (IPC in the app, HTTP in the test bridge) and resolves to its ApiResult. */
export type Transport = (namespace: string, method: string, args: unknown[]) => Promise<unknown>;

/**
 * Builds `window.otpDesk` from the method list, so the preload and the test bridge client
 * expose exactly the same keys as the contract.
 */
export function buildRemoteApi(methods: typeof API_METHODS, send: Transport, onChanged: RemoteApi['onChanged']): RemoteApi {
  const api: Record<string, unknown> = { onChanged };
  for (const [namespace, names] of Object.entries(methods)) {
    const group: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const name of names) group[name] = (...args: unknown[]) => send(namespace, name, args);
    api[namespace] = Object.freeze(group);
  }
  return Object.freeze(api) as unknown as RemoteApi;
}
