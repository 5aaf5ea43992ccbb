import { arch, release } from 'node:os';
import { ok } from '../../../shared/ipc';
import type { AppInfo, RecentError } from '../../../shared/ipc';
import { buildDiagnostics } from '../../services/diagnostics/report';
import type { Session } from '../../services/session/session';
import type { HandlerMap } from '../types';

export interface AppHandlerDeps {
  host: 'electron' | 'harness';
  version: string;
  /** For diagnostics: which workspace, in which state (never the key). */
  session: Pick<Session, 'status'>;
  recentErrors: () => RecentError[];
}

export function createAppHandlers({
  host,
  version,
  session,
  recentErrors,
}: AppHandlerDeps): Pick<HandlerMap, 'app:info' | 'app:diagnostics'> {
  const info = (): AppInfo => ({ name: 'Pictograph Review', version, host, platform: process.platform });
  return {
    'app:info': async () => ok(info()),
    'app:diagnostics': async () => {
      const status = session.status;
      return ok(
        buildDiagnostics({
          app: info(),
          versions: process.versions,
          os: { platform: process.platform, arch: arch(), release: release() },
          profileBaseUrl: status.profile?.baseUrl ?? null,
          connectionState: status.state,
          recentErrors: recentErrors(),
        }),
      );
    },
  };
}
