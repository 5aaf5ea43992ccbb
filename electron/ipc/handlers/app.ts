import type { HandlerMap } from '../types';
import { settle } from './settle';

export interface AppHandlerDeps {
  host: 'electron' | 'harness';
  version: string;
}

export function createAppHandlers({ host, version }: AppHandlerDeps): Pick<HandlerMap, 'app:info'> {
  return {
    'app:info': () => settle(async () => ({ name: 'Pictograph Review', version, host, platform: process.platform })),
  };
}
