import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api';

// Glue only: the API object is built by the pure createApi from the IPC contract.
const api = createApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (name, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => ipcRenderer.removeListener(name, wrapped);
  },
);
contextBridge.exposeInMainWorld('api', api);
