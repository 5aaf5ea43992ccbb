import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi } from './api';

// Glue only: the API object is built by the pure createApi from the IPC contract.
const api = createApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (name, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => ipcRenderer.removeListener(name, wrapped);
  },
  // A dropped File's absolute path is known only here (Electron 45 removed File.path); '' if none.
  { pathsOf: (files) => files.map((file) => (file instanceof File ? webUtils.getPathForFile(file) : '')) },
);
contextBridge.exposeInMainWorld('api', api);
