import type { z } from 'zod';
import { apiKeysChannels } from './channels/apiKeys';
import { appChannels } from './channels/app';
import { catalogChannels, catalogEvents } from './channels/catalog';
import { connectionChannels, connectionEvents } from './channels/connection';
import { desktopChannels, desktopEvents } from './channels/desktop';
import { dialogsChannels } from './channels/dialogs';
import { draftsChannels } from './channels/drafts';
import type { FilePathsBridge } from './channels/dialogs';
import { exportsChannels, exportsEvents } from './channels/exports';
import { libraryChannels, libraryEvents } from './channels/library';
import { uploadsChannels, uploadsEvents } from './channels/uploads';
import { syncChannels, syncEvents } from './channels/sync';
import { offlineChannels, offlineEvents } from './channels/offline';
import type { ChannelDef, EventDef } from './define';
import type { IpcResult } from './result';

/** Every IPC channel, declared once. Main registers handlers from this; createApi is built from it. */
export const channels = {
  ...appChannels,
  ...connectionChannels,
  ...libraryChannels,
  ...draftsChannels,
  ...catalogChannels,
  ...exportsChannels,
  ...uploadsChannels,
  ...apiKeysChannels,
  ...dialogsChannels,
  ...syncChannels,
  ...offlineChannels,
  ...desktopChannels,
} as const satisfies Record<`${string}:${string}`, ChannelDef>;

/** Every event main pushes to the renderer. */
export const events = {
  ...connectionEvents,
  ...libraryEvents,
  ...catalogEvents,
  ...exportsEvents,
  ...uploadsEvents,
  ...syncEvents,
  ...offlineEvents,
  ...desktopEvents,
} as const satisfies Record<`event:${string}`, EventDef>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What the handler receives: the parsed (defaulted, trimmed) request. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = Exclude<Channels[C]['response'], undefined>;
export type EventPayload<E extends EventName> = Exclude<(typeof events)[E]['payload'], undefined>;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}:${infer V}` ? V : never;
export type Domain = DomainOf<ChannelName>;

type CallFor<C extends ChannelName> =
  Record<never, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

/** `window.api`: one namespace per domain, one method per verb, plus event subscription. */
export type PictographApi = {
  [D in Domain]: { [V in VerbOf<ChannelName, D>]: CallFor<`${D}:${V}` & ChannelName> };
} & {
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Absolute paths of dropped files, from the preload (not a channel: see channels/dialogs.ts). */
  files: FilePathsBridge;
};

/** The transport under createApi: ipcRenderer.invoke in Electron, exposeBinding in the harness. */
export type Invoke = (channel: ChannelName, request: unknown) => Promise<IpcResult<unknown>>;
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
