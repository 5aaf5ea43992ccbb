import type { ChannelName, EventName, EventPayload, IpcResult, ParsedRequestOf, ResponseOf } from '../../shared/ipc';

/** Who called: the URL of the frame that sent the request (checked by the router). */
export interface CallContext {
  senderUrl: string;
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<IpcResult<ResponseOf<C>>>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };

/** Pushes an event to every window (Electron) or page (harness). */
export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** A request for image bytes from the renderer, by the URL `media:url` handed out. */
export interface MediaRequest {
  url: string;
  headers: Record<string, string>;
}
export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}
export type MediaResolver = (request: MediaRequest) => Promise<MediaResponse>;

/** Everything the main process offers the renderer, built the same way for Electron and the harness. */
export interface MainCore {
  handlers: HandlerMap;
  resolveMedia: MediaResolver;
  dispose(): Promise<void>;
}

export interface MainCoreOptions {
  /** Electron's userData folder, or a temporary folder per test. */
  userDataDir: string;
  /** The renderer's origin, e.g. `app://pictograph`: media URLs live under `${appOrigin}/media/`. */
  appOrigin: string;
  host: 'electron' | 'harness';
  version: string;
  emit: Emit;
  /** Keychain service name; tests pass a unique one so runs never share entries. */
  keychainService?: string;
  /** Where the embedded demo workspace keeps its data (default `${userDataDir}/demo`). */
  demoDataDir?: string;
  /** Log sink; never receives the API key (key_prefix only). */
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}
