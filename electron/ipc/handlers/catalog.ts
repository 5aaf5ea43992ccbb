import { fail } from '../../../shared/ipc';
import type { HandlerMap } from '../types';

// SCAFFOLD (issue 8, replaced by the catalog service's handlers): the contract is declared so the
// renderer and main can be built side by side; until the catalog lands every call says so.
type CatalogChannel =
  | 'catalog:query'
  | 'catalog:position'
  | 'catalog:folders'
  | 'catalog:status'
  | 'catalog:refresh'
  | 'catalog:cacheInfo'
  | 'browse:getState'
  | 'browse:saveState'
  | 'settings:get'
  | 'settings:update';

const notYet = async () => fail({ code: 'internal', message: 'The local catalog is not built yet.' });

export function createCatalogHandlers(): Pick<HandlerMap, CatalogChannel> {
  return {
    'catalog:query': notYet,
    'catalog:position': notYet,
    'catalog:folders': notYet,
    'catalog:status': notYet,
    'catalog:refresh': notYet,
    'catalog:cacheInfo': notYet,
    'browse:getState': notYet,
    'browse:saveState': notYet,
    'settings:get': notYet,
    'settings:update': notYet,
  };
}
