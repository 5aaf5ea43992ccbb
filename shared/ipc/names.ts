import type { ChannelName, EventName } from './contract';

/**
 * The channel and event NAMES of the contract, without the contract: the preload builds
 * `window.api` from these alone, so its bundle carries no zod (validation happens in main).
 * Only `import type` from the contract here — a value import would pull every schema back in.
 *
 * Drift is refused twice: `satisfies` rejects a name the contract lacks, `MustBeEmpty` below
 * rejects a contract name missing here (tsc fails), and tests/unit/shared/ipc/names.test.ts
 * compares both sets at run time.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:diagnostics',
  'connection:status',
  'connection:profiles',
  'connection:connect',
  'connection:resume',
  'connection:openDemo',
  'connection:disconnect',
  'datasets:list',
  'datasets:get',
  'images:page',
  'images:metadata',
  'annotations:get',
  'annotations:save',
  'review:submit',
  'drafts:stash',
  'media:url',
  'rateLimit:get',
  'catalog:query',
  'catalog:position',
  'catalog:folders',
  'catalog:status',
  'catalog:refresh',
  'catalog:cacheInfo',
  'catalog:clear',
  'browse:getState',
  'browse:saveState',
  'settings:get',
  'settings:update',
  'exports:create',
  'exports:list',
  'exports:get',
  'exports:delete',
  'exports:follow',
  'exports:unfollow',
  'exports:download',
  'exports:cancelDownload',
  'exports:downloads',
  'uploads:add',
  'uploads:list',
  'uploads:cancel',
  'uploads:clear',
  'apiKeys:list',
  'apiKeys:create',
  'apiKeys:revoke',
  'dialog:pickFolder',
  'dialog:pickFiles',
  'shell:showItem',
  'sync:status',
  'sync:flush',
  'sync:conflicts',
  'sync:resolve',
  'offline:enable',
  'offline:disable',
  'offline:status',
  'offline:pause',
  'offline:resume',
  'offline:cancel',
  'menu:setActions',
  'deepLink:take',
  'clipboard:copyDiagnostics',
] as const satisfies readonly ChannelName[];

export const EVENT_NAMES = [
  'event:connection',
  'event:rate-limit',
  'event:catalog-index',
  'event:catalog-changed',
  'event:export',
  'event:export-download',
  'event:upload',
  'event:sync',
  'event:offline',
  'event:menu-action',
  'event:open-image',
] as const satisfies readonly EventName[];

/** Compiles only when `T` is `never`: the error names the contract entries missing above. */
type MustBeEmpty<T extends never> = T;
export type UnlistedChannels = MustBeEmpty<Exclude<ChannelName, (typeof CHANNEL_NAMES)[number]>>;
export type UnlistedEvents = MustBeEmpty<Exclude<EventName, (typeof EVENT_NAMES)[number]>>;
