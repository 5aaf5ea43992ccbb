import type { ChannelName, IpcResult, ParsedRequestOf, ResponseOf } from '../../shared/ipc';

/** Who called: the URL of the frame that sent the request (checked by the router). */
export interface CallContext {
  senderUrl: string;
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<IpcResult<ResponseOf<C>>>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };
