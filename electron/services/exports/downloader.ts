import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportRecord } from '../../../shared/api';
import type { ExportDownloadState } from '../../../shared/ipc/channels/exports';
import type { IpcError } from '../../../shared/ipc';
import type { Log } from '../../../shared/log';
import type { BodySink, PictographClient } from '../client';
import { AppError, isAppError } from '../errors';
import { exportFileName, publishWithoutOverwrite } from './fileName';

/** When the server announced no size, a ZIP may still not exceed this (a runaway body is cut off). */
export const MAX_UNANNOUNCED_EXPORT_BYTES = 64 * 1024 ** 3;
/** A signed link that expired mid-way (403) is replaced this many times before giving up. */
const FRESH_LINKS = 2;

export interface DownloaderDeps {
  use<T>(call: (client: PictographClient) => Promise<T>): Promise<T>;
  onState(state: ExportDownloadState): void;
  log: Log;
  /** Progress events at most this often (default 200 ms); the final state is always sent. */
  progressEveryMs?: number;
}

/** A sink over one file handle: each attempt truncates and writes from the start. */
function fileSink(handle: FileHandle): BodySink {
  let position = 0;
  return {
    start: async () => {
      await handle.truncate(0);
      position = 0;
    },
    write: async (chunk) => {
      await handle.write(chunk, 0, chunk.byteLength, position);
      position += chunk.byteLength;
    },
  };
}

const asIpc = (error: unknown): IpcError =>
  isAppError(error)
    ? error.toIpcError()
    : { code: 'storage', message: `The export could not be written: ${(error as Error).message ?? String(error)}` };

/**
 * Downloads completed exports into a folder (§13.8): streamed to a hidden temp file beside the
 * target, synced, then given its sanitised name without overwriting anything. A fresh signed link
 * is fetched for each attempt, so an expired one (403) costs one more `…/download` call. Cancel
 * removes the temp file.
 */
export class ExportDownloader {
  readonly #deps: DownloaderDeps;
  readonly #runs = new Map<string, { state: ExportDownloadState; controller: AbortController; done: Promise<void> }>();

  constructor(deps: DownloaderDeps) {
    this.#deps = deps;
  }

  list(): ExportDownloadState[] {
    return [...this.#runs.values()].map((run) => ({ ...run.state }));
  }

  /** `folder` must already be checked (absolute, existing); `record` completed. */
  start(record: ExportRecord, folder: string): ExportDownloadState {
    if (record.status !== 'completed') {
      throw new AppError({
        code: 'conflict',
        message: `"${record.name}" is ${record.status}; only a completed export can be downloaded.`,
        details: { status: record.status },
      });
    }
    const downloadId = randomUUID();
    const state: ExportDownloadState = {
      downloadId,
      exportId: record.id,
      state: 'running',
      received: 0,
      total: record.file_size,
      path: null,
      error: null,
    };
    const controller = new AbortController();
    const done = this.#run(record, folder, state, controller.signal);
    this.#runs.set(downloadId, { state, controller, done });
    return { ...state };
  }

  cancel(downloadId: string): boolean {
    const run = this.#runs.get(downloadId);
    if (!run || run.state.state !== 'running') return false;
    run.controller.abort();
    return true;
  }

  /** Resolves when the download has finished one way or another (tests, shutdown). */
  async settled(downloadId: string): Promise<ExportDownloadState | null> {
    const run = this.#runs.get(downloadId);
    if (!run) return null;
    await run.done;
    return { ...run.state };
  }

  async dispose(): Promise<void> {
    for (const run of this.#runs.values()) run.controller.abort();
    await Promise.all([...this.#runs.values()].map((run) => run.done));
  }

  async #run(record: ExportRecord, folder: string, state: ExportDownloadState, signal: AbortSignal): Promise<void> {
    const temp = join(folder, `.pictograph-download-${state.downloadId}.part`);
    let handle: FileHandle | null = null;
    let lastEmit = 0;
    const every = this.#deps.progressEveryMs ?? 200;
    const emit = (force = false): void => {
      const now = Date.now();
      if (!force && now - lastEmit < every) return;
      lastEmit = now;
      this.#deps.onState({ ...state });
    };
    try {
      handle = await open(temp, 'wx', 0o600);
      const sink = fileSink(handle);
      const maxBytes = record.file_size ?? MAX_UNANNOUNCED_EXPORT_BYTES;
      for (let attempt = 0; ; attempt++) {
        const link = await this.#deps.use((client) => client.exports.downloadLink(record.id, signal));
        try {
          await this.#deps.use((client) =>
            client.exports.download(link.url, sink, {
              maxBytes,
              signal,
              onProgress: (received) => {
                state.received = received;
                emit();
              },
            }),
          );
          break;
        } catch (error) {
          // An expired or revoked signature is 403 on a signed URL (§10): ask for a fresh link.
          if (!isAppError(error) || error.code !== 'forbidden' || attempt >= FRESH_LINKS) throw error;
          this.#deps.log('info', 'Export link refused; fetching a fresh one', { exportId: record.id });
        }
      }
      const written = (await handle.stat()).size;
      if (record.file_size !== null && written !== record.file_size) {
        throw new AppError({
          code: 'bad_response',
          message: `The download ended after ${written} of ${record.file_size} bytes; nothing was saved.`,
        });
      }
      await handle.sync();
      await handle.close();
      handle = null;
      state.path = await publishWithoutOverwrite(temp, folder, exportFileName(record.dataset_name, record.name));
      state.received = written;
      state.state = 'completed';
    } catch (error) {
      state.state = signal.aborted ? 'cancelled' : 'failed';
      state.error = signal.aborted ? { code: 'cancelled', message: 'The download was cancelled.' } : asIpc(error);
      if (!signal.aborted)
        this.#deps.log('warn', 'Export download failed', { exportId: record.id, error: String(error) });
    } finally {
      await handle?.close().catch(() => undefined);
      if (state.state !== 'completed') await rm(temp, { force: true }).catch(() => undefined);
      emit(true);
    }
  }
}
