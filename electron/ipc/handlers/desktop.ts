import { ok } from '../../../shared/ipc';
import type { DesktopIntegration } from '../../services/desktop/desktopIntegration';
import type { HandlerMap } from '../types';

type DesktopChannel = 'menu:setActions' | 'deepLink:take';

/** The application menu's source and the deep-link hand-over (shared/ipc/channels/desktop.ts). */
export function createDesktopHandlers({
  integration,
}: {
  integration: Pick<DesktopIntegration, 'publishActions' | 'takePendingLink'>;
}): Pick<HandlerMap, DesktopChannel> {
  return {
    'menu:setActions': async ({ actions }) => ok({ items: integration.publishActions(actions) }),
    'deepLink:take': async () => ok(integration.takePendingLink()),
  };
}
