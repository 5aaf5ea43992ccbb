import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_PREFIX } from '../app';
import type { BuildExportInput, BuildExportResult, ExportSourceImage } from '../exports';
import type { BlobStore } from '../store/blobs';
import type { Store } from '../store';
import type { ExportFinish } from '../store/exports';
import { DAY_MS, isoAt, type Clock } from '../util/clock';
import type { LineLog } from '../../shared/log';

export type BuildZip = (input: BuildExportInput) => Promise<BuildExportResult>;

export interface ExportJobDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  delayMs: number;
  org: () => { name: string; slug: string };
  baseUrl: () => string;
  buildZip: BuildZip;
  log: LineLog;
}

const EXPORT_LIFETIME_MS = 7 * DAY_MS;

/**
 * Runs export jobs one at a time, in creation order: pending → processing → completed | failed
 * (contract §8). Jobs survive restarts: unfinished records are picked up again at start. On
 * shutdown the running job finishes; queued ones stay `pending` in the database.
 */
export class ExportJobRunner {
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(private readonly deps: ExportJobDeps) {}

  enqueue(exportId: string): void {
    this.queue = this.queue.then(() => (this.stopping ? undefined : this.run(exportId)));
  }

  resumeUnfinished(): void {
    for (const id of this.deps.store.exports.unfinishedIds()) this.enqueue(id);
  }

  /** Resolves when every queued job has run (tests and shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.queue;
  }

  /** Deletes exports (and ZIPs) past `expires_at`. */
  async sweepExpired(): Promise<void> {
    for (const id of this.deps.store.exports.expiredIds(this.deps.clock())) {
      this.deps.store.exports.delete(id);
      await this.deps.blobs.remove(this.deps.blobs.exportPath(id));
    }
  }

  private async run(exportId: string): Promise<void> {
    const { store, blobs, delayMs } = this.deps;
    if (delayMs > 0) await sleep(delayMs);
    if (!store.exports.get(exportId)) return;
    store.exports.setStatus(exportId, 'processing');
    if (delayMs > 0) await sleep(delayMs);
    const record = store.exports.get(exportId);
    if (!record) return;
    const dataset = store.datasets.get(record.dataset_id);
    const outPath = blobs.exportPath(exportId);
    try {
      if (!dataset) throw new Error('The dataset no longer exists.');
      const result = await this.deps.buildZip({
        exportName: record.name,
        format: record.format,
        includeImages: record.include_images,
        classFilter: record.class_filter,
        statusFilter: record.status_filter,
        dataset: { name: dataset.name, slug: dataset.slug, classes: dataset.classes },
        org: this.deps.org(),
        apiBaseUrl: this.deps.baseUrl() + API_PREFIX,
        images: this.sourceImages(dataset.id),
        outPath,
      });
      this.finish(exportId, { status: 'completed', error_message: null, ...counts(result) });
    } catch (error) {
      this.deps.log(`export ${exportId} failed: ${error instanceof Error ? error.message : String(error)}`);
      await blobs.remove(outPath);
      const message = error instanceof Error && error.message ? error.message : 'Export failed.';
      this.finish(exportId, {
        status: 'failed',
        error_message: message,
        file_size: null,
        image_count: null,
        annotation_count: null,
      });
    }
    // Deleted while running: the record is gone, so the ZIP must go too.
    if (!store.exports.get(exportId)) await blobs.remove(outPath);
  }

  private finish(
    exportId: string,
    outcome: Pick<ExportFinish, 'status' | 'error_message' | 'file_size' | 'image_count' | 'annotation_count'>,
  ): void {
    if (!this.deps.store.exports.get(exportId)) return;
    const now = this.deps.clock();
    this.deps.store.exports.finish(exportId, {
      ...outcome,
      completed_at: isoAt(now),
      expires_at: isoAt(now + EXPORT_LIFETIME_MS),
      expires_ms: now + EXPORT_LIFETIME_MS,
    });
  }

  /** Rows are read one at a time by id so a 100k-image export never holds every row at once. */
  private *sourceImages(datasetId: string): Generator<ExportSourceImage> {
    const { store, blobs } = this.deps;
    for (const id of store.images.activeIdsInOrder(datasetId)) {
      const row = store.images.get(id);
      if (!row || row.is_archived) continue;
      const annotations = JSON.parse(store.annotations.get(id).json) as Record<string, unknown>[];
      const path = blobs.blobPath(row.blob);
      yield {
        id: row.id,
        filename: row.filename,
        directory_path: row.directory_path,
        width: row.width,
        height: row.height,
        mime_type: row.mime_type,
        status: row.status,
        annotations,
        readBytes: async () => new Uint8Array(await readFile(path)),
      };
    }
  }
}

function counts(result: BuildExportResult): { file_size: number; image_count: number; annotation_count: number } {
  return { file_size: result.fileSize, image_count: result.imageCount, annotation_count: result.annotationCount };
}
