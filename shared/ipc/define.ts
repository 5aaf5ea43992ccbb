import type { z } from 'zod';

/**
 * One IPC channel: the zod schema main validates the request with, and (as a type only) what a
 * successful call returns. `channel<Response>()(requestSchema)` keeps both in one declaration.
 */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res = unknown> {
  readonly request: Req;
  /** Phantom: never set at run time, carries the response type. */
  readonly response?: Res;
}

export const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({ request });

/** A pushed event main sends to the renderer; the payload type is phantom too. */
export interface EventDef<Payload = unknown> {
  readonly payload?: Payload;
}
export const event = <Payload>(): EventDef<Payload> => ({});
