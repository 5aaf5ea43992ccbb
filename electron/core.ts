import { join } from 'node:path';
import type { HandlerMap } from './ipc/types';
import type { Emit } from './services/events';
import type { Log } from './services/log';
import type { ResolveMedia } from './services/media/mediaTypes';
import { createAnnotationHandlers } from './ipc/handlers/annotations';
import { createApiKeysHandlers } from './ipc/handlers/apiKeys';
import { createAppHandlers } from './ipc/handlers/app';
import { createCatalogHandlers } from './ipc/handlers/catalog';
import { createConnectionHandlers } from './ipc/handlers/connection';
import { createDesktopHandlers } from './ipc/handlers/desktop';
import { createDialogHandlers, NO_DESKTOP } from './ipc/handlers/dialogs';
import type { DesktopHooks } from './ipc/handlers/dialogs';
import { createExportsHandlers } from './ipc/handlers/exports';
import { createLibraryHandlers } from './ipc/handlers/library';
import { createUploadsHandlers } from './ipc/handlers/uploads';
import { createSyncHandlers } from './ipc/handlers/sync';
import { createOfflineHandlers } from './ipc/handlers/offline';
import { OfflineDownloader } from './services/offline/offlineDownloader';
import type { ExportTiming } from './services/offline/exportAnnotations';
import { PictographClient } from './services/client';
import type { ClientOptions } from './services/client';
import { Catalog, removeLegacyMediaCache } from './services/catalog/catalog';
import { CatalogIndexer } from './services/catalog/indexer';
import { CatalogReads } from './services/catalog/readThrough';
import { DemoLauncher } from './services/demo/demoLauncher';
import { ExportsService } from './services/exports/exportsService';
import type { PollTiming } from './services/exports/poller';
import { RecentErrors, teeRecentErrors } from './services/diagnostics/recentErrors';
import { MediaResolver } from './services/media/mediaResolver';
import { LocalReviewStore } from './services/review/localReviewStore';
import { UploadsService } from './services/uploads/uploadsService';
import { createSecretStore } from './services/secrets/keychainStore';
import { ProfileStore } from './services/session/profileStore';
import { Session } from './services/session/session';
import { Outbox } from './services/outbox/outbox';
import { catalogForSync } from './services/sync/catalogAdapter';
import type { ProbeTiming } from './services/sync/connectivity';
import { SyncEngine } from './services/sync/syncEngine';
import { DraftStore } from './services/drafts/draftStore';
import { createDraftRecovery } from './services/drafts/recovery';
import { DesktopIntegration, NO_SHELL } from './services/desktop/desktopIntegration';
import type { DesktopShell } from './services/desktop/desktopIntegration';

export const DEFAULT_KEYCHAIN_SERVICE = 'pictograph-review';

/** Everything the main process offers the renderer, built the same way for Electron and the harness. */
export interface MainCore {
  handlers: HandlerMap;
  resolveMedia: ResolveMedia;
  /** The OS's way in: a menu click, a `pictograph-review://` link (false when refused). */
  shell: Pick<DesktopIntegration, 'menuClicked' | 'openDeepLink'>;
  /**
   * The renderer went away (crashed, killed): its unsaved editor drafts become saves. Returns how
   * many images had unsaved edits. The Electron glue and the harness call it before reloading.
   */
  recoverDrafts(): number;
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
  log?: Log;
  /** Native pickers, "show in folder", OS notifications (electron/main/desktop.ts; the harness's own). */
  desktop?: DesktopHooks;
  /** Application menu, taskbar/dock progress, window focus (electron/main/desktopShell.ts; the harness's own). */
  shell?: DesktopShell;
}

/**
 * Knobs the desktop app never turns but tests need: where the (slow to build) demo seed is
 * cached, and client timing so retry tests don't sleep for real seconds.
 */
export interface CoreTuning {
  demoSeedCacheDir?: string;
  client?: Pick<ClientOptions, 'retries' | 'sleep' | 'random' | 'jsonTimeoutMs' | 'byteIdleTimeoutMs' | 'fetch'>;
  /** How long a media check with the server stays good (see MediaResolver). */
  mediaFreshForMs?: number;
  /** How long a cached catalog answer stays good before a read revalidates it (see CatalogReads). */
  catalogRevalidateAfterMs?: number;
  /** Export polling (default 2 s growing to 10 s) and upload retry waits. */
  exports?: { poll?: PollTiming };
  uploads?: { concurrency?: number; retryDelayMs?: (attempt: number) => number };
  /** Sync timing: the offline probe's back-off, how long a save waits for the server, 5xx retry delay. */
  sync?: { probe?: ProbeTiming; interactiveWaitMs?: number; retryMs?: number };
  /** Available offline: parallel downloads and how often the export is polled. */
  offline?: { concurrency?: number; exportTiming?: ExportTiming };
}

/**
 * The composition root (design §5: electron/main → electron/ipc → electron/services), shared by Electron's main process and the browser harness: the secret
 * store (probed once), profiles, the session, the embedded demo, the media resolver and the IPC
 * handlers for every channel of the contract.
 */
export async function createMainCore(options: MainCoreOptions, tuning: CoreTuning = {}): Promise<MainCore> {
  // Warnings and errors are also remembered for Help → "Copy diagnostics" (redacted, like the file).
  const recentErrors = new RecentErrors();
  const log = teeRecentErrors(options.log ?? (() => {}), recentErrors);
  const { userDataDir } = options;
  // The sync engine follows the connection (flush on reconnect, probe while offline); it is built
  // after the session, so connection events reach it through this late-bound hook.
  let onConnection: () => void = () => {};
  const desktop = options.desktop ?? NO_DESKTOP;
  // Notifications (export ready, sync failed), taskbar progress, menu clicks and deep links.
  const shell = options.shell ?? NO_SHELL;
  const integration = new DesktopIntegration({
    emit: (name, payload) => options.emit(name, payload),
    shell,
    notify: (note) => desktop.notify(note),
    log,
  });
  const emit: Emit = (name, payload) => {
    options.emit(name, payload);
    if (name === 'event:connection') onConnection();
    integration.observe(name, payload);
  };
  const secrets = await createSecretStore({ service: options.keychainService ?? DEFAULT_KEYCHAIN_SERVICE, log });
  const profiles = await ProfileStore.open(userDataDir, log);
  const session = new Session({
    profiles,
    secrets,
    emit,
    log,
    createClient: (baseUrl, apiKey) =>
      new PictographClient({
        ...tuning.client,
        baseUrl,
        apiKey,
        log,
        onRateLimit: (state) => emit('event:rate-limit', state),
      }),
  });
  const demo = new DemoLauncher({
    dataDir: options.demoDataDir ?? join(userDataDir, 'demo'),
    seedCacheDir: tuning.demoSeedCacheDir ?? join(userDataDir, 'demo-seed-cache'),
    secrets,
    log,
  });
  // A corrupt catalog is set aside and rebuilt here (logged; catalog:cacheInfo tells the user).
  const catalog = await Catalog.open({ dir: join(userDataDir, 'catalog'), log });
  const indexer = new CatalogIndexer({ catalog, session, emit, log });
  const reads = new CatalogReads({
    catalog,
    session,
    indexer,
    emit,
    log,
    ...(tuning.catalogRevalidateAfterMs !== undefined ? { revalidateAfterMs: tuning.catalogRevalidateAfterMs } : {}),
  });
  const media = new MediaResolver({
    appOrigin: options.appOrigin,
    session,
    cache: catalog.blobs,
    log,
    ...(tuning.mediaFreshForMs !== undefined ? { freshForMs: tuning.mediaFreshForMs } : {}),
  });
  const reviews = await LocalReviewStore.open(userDataDir, log);
  // A damaged outbox is set aside and its readable entries recovered (sync:status tells the user);
  // an unwritable data folder leaves it closed and every save is refused with a clear message.
  const outbox = Outbox.open({ dir: userDataDir, log });
  const syncCatalog = catalogForSync(catalog, reads);
  const sync = new SyncEngine({ outbox, session, reviews, catalog: syncCatalog, emit, log, ...tuning.sync });
  // The editor's unsaved state, outliving a renderer crash; recovery turns it into saves.
  const drafts = new DraftStore();
  const recovery = createDraftRecovery({ drafts, engine: sync, log });
  onConnection = () => sync.onConnectionChanged();
  const exportsService = new ExportsService({
    session,
    emit,
    log,
    ...(tuning.exports?.poll ? { poll: tuning.exports.poll } : {}),
  });
  // Uploaded images reach the browser through the catalog: a finished batch re-indexes its dataset.
  const uploads = await UploadsService.open({
    session,
    emit,
    log,
    dir: join(userDataDir, 'uploads'),
    onUploaded: (profileId, datasetId) => void indexer.refresh(profileId, datasetId),
    ...tuning.uploads,
  });
  // Images the outbox needs (queued edits, conflicts) are pinned like datasets available offline.
  catalog.setExternalPins(() => outbox.images().map(({ profileId, imageId }) => ({ profileId, imageId })));
  const offline = new OfflineDownloader({
    catalog,
    session,
    indexer,
    emit,
    log,
    outboxHolds: (profileId, imageId) =>
      outbox.hasQueuedSave(profileId, imageId) || outbox.hasConflict(profileId, imageId),
    ...tuning.offline,
  });
  // A restart resumes the persisted queues as soon as we are signed in again.
  onConnection = () => {
    sync.onConnectionChanged();
    uploads.pump();
    offline.onConnectionChanged();
  };
  // Housekeeping off the start path: files a crash or a rebuilt catalog left behind, and the
  // JSON-indexed media cache of earlier versions.
  const housekeeping = Promise.all([catalog.blobs.sweepOrphans(), removeLegacyMediaCache(userDataDir)]).catch(
    (error: unknown) => log('warn', 'Cache housekeeping failed', { error: String(error) }),
  );

  const appHandlers = createAppHandlers({
    host: options.host,
    version: options.version,
    session,
    recentErrors: () => recentErrors.list(),
  });
  const handlers: HandlerMap = {
    ...appHandlers,
    ...createConnectionHandlers({ session, demo }),
    ...createLibraryHandlers({ session, reads, reviews, appOrigin: options.appOrigin }),
    ...createAnnotationHandlers({ reads, engine: sync, outbox, drafts, recovery }),
    ...createSyncHandlers({ engine: sync, outbox, catalog: syncCatalog }),
    ...createOfflineHandlers({ offline }),
    ...createCatalogHandlers({ catalog, indexer, session, reviews }),
    ...createExportsHandlers({ exports: exportsService }),
    ...createUploadsHandlers({ uploads }),
    ...createApiKeysHandlers({ session }),
    ...createDesktopHandlers({
      integration,
      shell,
      diagnostics: () => appHandlers['app:diagnostics']({}, { senderUrl: options.appOrigin }),
    }),
    ...createDialogHandlers({
      desktop,
      downloadedPaths: () =>
        exportsService.downloads().flatMap((d) => (d.state === 'completed' && d.path ? [d.path] : [])),
    }),
  };

  const close = async () => {
    await Promise.all([exportsService.dispose(), uploads.dispose(), offline.dispose()]);
    await recovery.all();
    await Promise.all([demo.close(), indexer.dispose(), reads.settled(), housekeeping, sync.dispose()]);
    outbox.close();
    catalog.close();
  };
  let disposed: Promise<void> | null = null;
  return {
    handlers,
    resolveMedia: media.resolve,
    shell: {
      menuClicked: (id) => integration.menuClicked(id),
      openDeepLink: (url) => integration.openDeepLink(url),
    },
    recoverDrafts: () => recovery.recover(),
    dispose: () => (disposed ??= close()),
  };
}
