import { isExportFinal } from '../../../shared/api';
import type { ExportCreate, ExportRecord } from '../../../shared/api';
import type { ExportDownloadState } from '../../../shared/ipc/channels/exports';
import type { Log } from '../../../shared/log';
import type { Emit } from '../events';
import type { Session } from '../session/session';
import { ExportDownloader } from './downloader';
import { checkTargetFolder } from './fileName';
import { ExportPoller } from './poller';
import type { PollTiming } from './poller';

export interface ExportsServiceDeps {
  session: Pick<Session, 'use'>;
  emit: Emit;
  log: Log;
  poll?: PollTiming;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  progressEveryMs?: number;
}

/**
 * Exports for the signed-in workspace (issue 11 item 1, main side): every call goes through the
 * session (so a 401 signs out and an outage marks us offline), pending exports are followed with
 * backoff, and completed ones are downloaded into a folder the caller names.
 */
export class ExportsService {
  readonly #deps: ExportsServiceDeps;
  readonly #poller: ExportPoller;
  readonly #downloader: ExportDownloader;

  constructor(deps: ExportsServiceDeps) {
    this.#deps = deps;
    this.#poller = new ExportPoller({
      get: (id, signal) => deps.session.use((client) => client.exports.get(id, signal)),
      onChange: (record) => deps.emit('event:export', record),
      log: deps.log,
      ...(deps.poll ? { timing: deps.poll } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    });
    this.#downloader = new ExportDownloader({
      use: (call) => deps.session.use((client) => call(client)),
      onState: (state) => deps.emit('event:export-download', state),
      log: deps.log,
      ...(deps.progressEveryMs !== undefined ? { progressEveryMs: deps.progressEveryMs } : {}),
    });
  }

  /**
   * Creates an export after checking every field (and, when a class filter is given, that each
   * class belongs to the dataset — one dataset listing, cheaper than a doomed export) and follows it.
   */
  async create(request: ExportCreate, follow = true): Promise<ExportRecord> {
    const record = await this.#deps.session.use(async (client) => {
      let classes: string[] | undefined;
      if (request.classFilter !== null) {
        const datasets = await client.listDatasets();
        const dataset =
          datasets.find((d) => d.slug === request.datasetName) ?? datasets.find((d) => d.name === request.datasetName);
        classes = dataset?.classes.map((c) => c.name);
      }
      return client.exports.create(request, classes ? { classes } : {});
    });
    if (follow) this.#poller.follow(record);
    return record;
  }

  list(datasetName: string): Promise<ExportRecord[]> {
    return this.#deps.session.use((client) => client.exports.list(datasetName));
  }

  get(id: string): Promise<ExportRecord> {
    return this.#deps.session.use((client) => client.exports.get(id));
  }

  async delete(id: string): Promise<void> {
    this.#poller.stop(id);
    await this.#deps.session.use((client) => client.exports.delete(id));
  }

  /**
   * Follows a pending export (no-op when already followed); answers with its current record. One
   * the renderer still saw pending may have finished before this call: it is told as the poller
   * would have told it (`event:export`), so "ready" is never missed for a quick export.
   */
  async follow(id: string): Promise<ExportRecord> {
    const record = await this.get(id);
    if (isExportFinal(record.status)) this.#deps.emit('event:export', record);
    else this.#poller.follow(record);
    return record;
  }

  unfollow(id: string): void {
    this.#poller.stop(id);
  }

  isFollowing(id: string): boolean {
    return this.#poller.isFollowing(id);
  }

  /** Checks the folder, reads the export (it must be completed) and starts the download. */
  async download(exportId: string, folder: string): Promise<ExportDownloadState> {
    const target = await checkTargetFolder(folder);
    const record = await this.get(exportId);
    return this.#downloader.start(record, target);
  }

  cancelDownload(downloadId: string): boolean {
    return this.#downloader.cancel(downloadId);
  }

  downloads(): ExportDownloadState[] {
    return this.#downloader.list();
  }

  settledDownload(downloadId: string): Promise<ExportDownloadState | null> {
    return this.#downloader.settled(downloadId);
  }

  async dispose(): Promise<void> {
    await Promise.all([this.#poller.dispose(), this.#downloader.dispose()]);
  }
}
