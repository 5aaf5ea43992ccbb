import { ok } from '../../../shared/ipc';
import type { HandlerMap } from '../types';

export interface AppHandlerDeps {
  host: 'electron' | 'harness';
  version: string;
}

export function createAppHandlers({ host, version }: AppHandlerDeps): Pick<HandlerMap, 'app:info'> {
  return {
    'app:info': async () => ok({ name: 'Pictograph Review', version, host, platform: process.platform }),
  };
}
