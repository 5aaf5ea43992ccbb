import {
  EXPORT_STATUSES,
  exportCreateBody,
  exportCreateSchema,
  exportDownloadSchema,
  exportRecordSchema,
} from '../../../shared/api';
import type { ExportCreate, ExportRecord } from '../../../shared/api';
import type { BodySink } from './bodySink';
import { deleteCall, jsonCall, notSentError, signedUrl, zodProblems } from './calls';
import type { HttpTransport } from './http';
import { collectAll, paginate } from './pager';
import type { ApiRequests } from './requests';

const seg = (id: string): string => encodeURIComponent(id);

export interface ExportDownloadLink {
  url: string;
  /** null when the server did not say (optional for clients, §8) */
  expiresAt: string | null;
}

/** §8 exports: create (checked first), list, get, delete, a signed link and a streamed download. */
export class ExportsClient {
  constructor(
    private readonly http: HttpTransport,
    private readonly api: ApiRequests,
  ) {}

  /**
   * Checks every field as §8 says before spending a request; with the dataset's class names, each
   * `classFilter` entry must be one of them (the server would answer 422).
   */
  async create(
    request: ExportCreate,
    options: { classes?: readonly string[]; signal?: AbortSignal } = {},
  ): Promise<ExportRecord> {
    const parsed = exportCreateSchema.safeParse(request);
    if (!parsed.success) throw notSentError('The export', zodProblems(parsed.error));
    if (options.classes && parsed.data.classFilter) {
      const known = new Set(options.classes);
      const problems = parsed.data.classFilter.flatMap((name, index) =>
        known.has(name)
          ? []
          : [{ field: `classFilter.[${index}]`, message: `"${name}" is not a class of the dataset` }],
      );
      if (problems.length > 0) throw notSentError('The export', problems);
    }
    return jsonCall(this.http, {
      method: 'POST',
      url: this.http.base.api('/exports/'),
      body: exportCreateBody(parsed.data),
      schema: exportRecordSchema,
      signal: options.signal,
    });
  }

  /** Every export of a dataset (by slug or name, §8), newest first, paged to the end (§13.2). */
  list(datasetName: string, options: { status?: string; signal?: AbortSignal } = {}): Promise<ExportRecord[]> {
    const status =
      options.status !== undefined && (EXPORT_STATUSES as readonly string[]).includes(options.status)
        ? options.status
        : undefined;
    const pages = paginate(
      (limit, offset) =>
        this.api.getList(
          this.http.base.api('/exports/', { dataset_name: datasetName, status, limit, offset }),
          exportRecordSchema,
          options.signal,
        ),
      { keyOf: (record) => record.id, ...(options.signal ? { signal: options.signal } : {}) },
    );
    return collectAll(pages);
  }

  async get(id: string, signal?: AbortSignal): Promise<ExportRecord> {
    return (await this.api.getObject(`/exports/${seg(id)}`, {}, exportRecordSchema, signal)).value;
  }

  delete(id: string, signal?: AbortSignal): Promise<void> {
    return deleteCall(this.http, this.http.base.api(`/exports/${seg(id)}`), signal);
  }

  /** A fresh signed link (valid ~1 h); 409 `conflict` unless the export is completed. */
  async downloadLink(id: string, signal?: AbortSignal): Promise<ExportDownloadLink> {
    const value = await jsonCall(this.http, {
      method: 'GET',
      url: this.http.base.api(`/exports/${seg(id)}/download`),
      schema: exportDownloadSchema,
      signal,
    });
    signedUrl(value.download_url, 'download URL');
    return { url: value.download_url, expiresAt: value.expires_at ?? null };
  }

  /**
   * Streams the ZIP behind a signed link into `sink` (never the key; never the whole file in
   * memory). `maxBytes` is the size the export record announced: a body that runs past it is cut
   * off with an error. Retried on transient failures; the sink starts over on each attempt.
   */
  async download(
    link: string,
    sink: BodySink,
    options: { maxBytes: number; signal?: AbortSignal; onProgress?: (received: number, total: number | null) => void },
  ): Promise<void> {
    await this.http.send({
      method: 'GET',
      url: signedUrl(link, 'download URL'),
      kind: 'signed',
      headers: { Accept: 'application/zip, application/octet-stream' },
      timing: 'bytes',
      maxBytes: options.maxBytes,
      sink,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }
}
