import type { ConnectionStatus } from '../../../shared/ipc';
import { ok } from '../../../shared/ipc';
import type { DemoLauncher } from '../../services/demo/demoLauncher';
import { DEMO_PROFILE_ID } from '../../services/session/profileStore';
import type { Session } from '../../services/session/session';
import type { HandlerMap } from '../types';

type ConnectionChannel =
  | 'connection:status'
  | 'connection:profiles'
  | 'connection:connect'
  | 'connection:resume'
  | 'connection:openDemo'
  | 'connection:disconnect';

export interface ConnectionHandlerDeps {
  session: Session;
  demo: DemoLauncher;
}

/** Sign-in and sign-out. No response or event from here ever carries the key (key_prefix only). */
export function createConnectionHandlers({
  session,
  demo,
}: ConnectionHandlerDeps): Pick<HandlerMap, ConnectionChannel> {
  // Concurrent calls (a double click, two windows) share one start and one sign-in; otherwise
  // each later sign-in would cancel the earlier one.
  let opening: Promise<ConnectionStatus> | null = null;
  const openDemo = (): Promise<ConnectionStatus> => {
    opening ??= demo
      .ensureStarted()
      .then((running) => session.connectDemo(running.url, running.ownerKey))
      .finally(() => {
        opening = null;
      });
    return opening;
  };
  return {
    'connection:status': async () => ok(session.status),
    'connection:profiles': async () => ok(await session.listProfiles()),
    'connection:connect': async (request) => ok(await session.connect(request)),
    'connection:resume': async ({ profileId }) =>
      ok(await (profileId === DEMO_PROFILE_ID ? openDemo() : session.resume(profileId))),
    'connection:openDemo': async () => ok(await openDemo()),
    'connection:disconnect': async () => ok(await session.disconnect()),
  };
}
