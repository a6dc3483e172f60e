import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, apiChannel, CHANGED_CHANNEL, type RemoteApi } from '../api';
import { buildRemoteApi } from './build-remote-api';

// The preload exposes exactly the contract as window.otpDesk and nothing else.
const api: RemoteApi = buildRemoteApi(
  API_METHODS,
  (namespace, method, args) => ipcRenderer.invoke(apiChannel(namespace, method), ...args),
  (listener) => {
    const handler = () => listener();
    ipcRenderer.on(CHANGED_CHANNEL, handler);
    return () => ipcRenderer.removeListener(CHANGED_CHANNEL, handler);
  },
);

contextBridge.exposeInMainWorld('otpDesk', api);
