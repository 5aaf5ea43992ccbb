import { ok } from '../../../shared/ipc';
import type { Diagnostics, IpcResult } from '../../../shared/ipc';
import type { DesktopIntegration, DesktopShell } from '../../services/desktop/desktopIntegration';
import type { HandlerMap } from '../types';

type DesktopChannel = 'menu:setActions' | 'deepLink:take' | 'clipboard:copyDiagnostics';

export interface DesktopHandlerDeps {
  integration: Pick<DesktopIntegration, 'publishActions' | 'takePendingLink'>;
  shell: Pick<DesktopShell, 'copyText'>;
  /** The `app:diagnostics` report (redacted by services/diagnostics). */
  diagnostics(): Promise<IpcResult<Diagnostics>>;
}

/** The application menu's source, the deep-link hand-over and "Copy diagnostics" (channels/desktop.ts). */
export function createDesktopHandlers({
  integration,
  shell,
  diagnostics,
}: DesktopHandlerDeps): Pick<HandlerMap, DesktopChannel> {
  return {
    'menu:setActions': async ({ actions }) => ok({ items: integration.publishActions(actions) }),
    'deepLink:take': async () => ok(integration.takePendingLink()),
    'clipboard:copyDiagnostics': async () => {
      const report = await diagnostics();
      if (!report.ok) return report;
      shell.copyText(report.value.text);
      return ok({ copied: true as const, characters: report.value.text.length });
    },
  };
}
