import type { ExportRecord } from '../../../shared/api';
import type { PictographClient } from '../client';
import { AppError, isAppError } from '../errors';
import { ZipDocSink } from './annotationDocs';
import type { AnnotationDoc } from './annotationDocs';

export type UseClient = <T>(call: (client: PictographClient) => Promise<T>) => Promise<T>;

export interface ExportTiming {
  /** First wait between polls (default 1 s), growing 1.5× to `maxMs` (default 10 s): each poll is a counted request. */
  firstMs?: number;
  maxMs?: number;
  /** Give up waiting for the server after this long (default 30 min). */
  timeoutMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ExportAnnotationsInput {
  use: UseClient;
  signal: AbortSignal;
  /** The dataset's slug (§8: `dataset_name` matches slugs first). */
  datasetSlug: string;
  /** An export an earlier run created and did not finish reading: followed instead of a new one. */
  exportId: string | null;
  onExportId(id: string): void;
  /**
   * The name an earlier run asked for without hearing back (the app quit mid-request): looked up
   * by name before asking again. `onExportName` stores a new name BEFORE the create is sent.
   */
  exportName: string | null;
  onExportName(name: string): void;
  onDoc(doc: AnnotationDoc): void;
  onBadEntry(entry: string, message: string): void;
  /**
   * The first poll waits for this (the images' download): the server builds the export meanwhile,
   * and every poll is a counted request, so asking while there is other work to do is waste.
   */
  pollAfter?: Promise<unknown>;
  timing?: ExportTiming;
  now?: () => Date;
}

/**
 * Exports are not there for this key (§6: creating one needs a member; a server without the route
 * answers 404/405), or the export failed: the caller reads each image's annotation file instead.
 */
export class ExportUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ExportUnavailable';
  }
}

/** A signed ZIP link that expired mid-way (403) is replaced this many times. */
const FRESH_LINKS = 2;
/** A ZIP with no announced size may still not exceed this. */
const MAX_UNANNOUNCED_ZIP_BYTES = 16 * 1024 ** 3;

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });

const codeOf = (error: unknown): string | null => (isAppError(error) ? error.code : null);

/**
 * All of a dataset's annotations from ONE `pictograph`-format export (§8): create (or follow the
 * one a previous run started), poll until completed, then stream its ZIP through the signed link
 * (not counted) into an unzipper that stores each image's document as it arrives. Counted
 * requests: the create, the polls, and one link per attempt. Returns how many documents were read.
 */
export async function annotationsFromExport(input: ExportAnnotationsInput): Promise<number> {
  const { use, signal } = input;
  let record = input.exportId ? await follow(input, input.exportId) : null;
  if (record === null && input.exportName !== null) record = await findByName(input, input.exportName);
  if (record === null) {
    const stamp = (input.now?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
    const name = `Pictograph Review offline copy ${stamp}`;
    input.onExportName(name);
    record = await create(input, name);
  }
  input.onExportId(record.id);
  record = await waitForCompletion(input, record);
  const sink = new ZipDocSink(input.onDoc, input.onBadEntry);
  for (let attempt = 0; ; attempt++) {
    const link = await use((client) => client.exports.downloadLink(record.id, signal));
    try {
      await use((client) =>
        client.exports.download(link.url, sink, {
          maxBytes: record.file_size ?? MAX_UNANNOUNCED_ZIP_BYTES,
          signal,
        }),
      );
      sink.finish(record.file_size);
      return sink.docs;
    } catch (error) {
      // §10: an expired signature is 403; a fresh link fixes it.
      if (codeOf(error) === 'forbidden' && attempt < FRESH_LINKS) continue;
      throw error;
    }
  }
}

async function follow(input: ExportAnnotationsInput, id: string): Promise<ExportRecord | null> {
  try {
    return await input.use((client) => client.exports.get(id, input.signal));
  } catch (error) {
    // Expired (§8: deleted after 7 days) or deleted by someone: make another.
    if (codeOf(error) === 'not_found') return null;
    throw error;
  }
}

/** The export of this dataset with `name`, when there is one that can still be read. */
async function findByName(input: ExportAnnotationsInput, name: string): Promise<ExportRecord | null> {
  const records = await input.use((client) => client.exports.list(input.datasetSlug, { signal: input.signal }));
  return records.find((record) => record.name === name && record.status !== 'failed') ?? null;
}

async function create(input: ExportAnnotationsInput, name: string): Promise<ExportRecord> {
  try {
    return await input.use((client) =>
      client.exports.create(
        {
          datasetName: input.datasetSlug,
          name,
          format: 'pictograph',
          includeImages: false,
          classFilter: null,
          statusFilter: null,
        },
        { signal: input.signal },
      ),
    );
  } catch (error) {
    const code = codeOf(error);
    // §8: names are unique per dataset. Ours is taken only by a create of ours whose answer was
    // lost (the app quit mid-request, in the same second): that export is the one to follow.
    if (code === 'conflict') {
      const existing = await findByName(input, name);
      if (existing) return existing;
    }
    if (code === 'forbidden') throw new ExportUnavailable('this key may not create exports');
    if (code === 'not_found' || (isAppError(error) && error.status === 405))
      throw new ExportUnavailable('the server offers no exports');
    throw error;
  }
}

async function waitForCompletion(input: ExportAnnotationsInput, first: ExportRecord): Promise<ExportRecord> {
  const timing = input.timing ?? {};
  const sleep = timing.sleep ?? defaultSleep;
  const started = Date.now();
  let wait = timing.firstMs ?? 1_000;
  let record = first;
  if (record.status !== 'completed' && input.pollAfter) {
    await input.pollAfter.catch(() => undefined);
    if (input.signal.aborted) throw input.signal.reason as Error;
    const id = record.id;
    record = await input.use((client) => client.exports.get(id, input.signal));
  }
  while (record.status !== 'completed') {
    if (record.status === 'failed')
      throw new ExportUnavailable(`the export failed${record.error_message ? `: ${record.error_message}` : ''}`);
    if (Date.now() - started > (timing.timeoutMs ?? 30 * 60_000))
      throw new AppError({ code: 'timeout', message: 'The server took too long to prepare the annotations.' });
    await sleep(wait, input.signal);
    wait = Math.min(wait * 1.5, timing.maxMs ?? 10_000);
    const id = record.id;
    record = await input.use((client) => client.exports.get(id, input.signal));
  }
  return record;
}
