import type { Annotation, DatasetClass, ImageMeta } from '../../shared/api';
import type { IpcError, IpcResult } from '../../shared/ipc';
import { callApi } from '../api/bridge';
import { LruCache } from './lru';
import type { Picture } from './picture';
import { loadPicture } from './picture';
import { prepareScene } from './prepareScene';
import type { PreparedScene } from './sceneTypes';

/** Everything the viewer needs to show one image at once. */
export interface PreparedImage {
  imageId: string;
  meta: ImageMeta;
  annotations: Annotation[];
  /** The annotations' ETag (the editor sends it back as If-Match), null when unknown. */
  etag: string | null;
  /** Unsaved edits main kept when the window went away: the editor opens these, unsaved. */
  draft: Annotation[] | null;
  /** Set when the annotations could not be loaded (the picture still shows). */
  annotationsError: IpcError | null;
  picture: Picture;
  scene: PreparedScene;
  /** The space annotations are drawn in: the image's size, or the shapes' extent when unknown. */
  width: number;
  height: number;
}

export type PreparedResult = { ok: true; image: PreparedImage } | { ok: false; error: IpcError };

/** The calls the cache makes: the real bridge in the app. */
export interface ImageSource {
  metadata(imageId: string): Promise<IpcResult<ImageMeta>>;
  annotations(
    imageId: string,
  ): Promise<IpcResult<{ annotations: Annotation[]; etag?: string | null; draft?: Annotation[] | undefined }>>;
  mediaUrl(imageId: string): Promise<IpcResult<{ url: string }>>;
  picture(url: string, expected: { width: number | null; height: number | null; mimeType: string }): Promise<Picture>;
}

export const bridgeImageSource: ImageSource = {
  metadata: (imageId) => callApi((api) => api.images.metadata({ imageId })),
  annotations: (imageId) => callApi((api) => api.annotations.get({ imageId })),
  mediaUrl: (imageId) => callApi((api) => api.media.url({ imageId, variant: 'full' })),
  picture: loadPicture,
};

/**
 * Prepared images by id, bounded (ImageBitmaps are big and the heap must not grow while paging
 * through 1,000 images). Loads are shared: prefetching the next image and then opening it cost
 * one load. Failures are not kept, so opening the image again retries.
 */
export class PreparedImageCache {
  readonly #source: ImageSource;
  readonly #entries: LruCache<string, Promise<PreparedResult>>;
  #current: string | null = null;
  /** The image shown until the current one is ready: its bitmap is still on the stage. */
  #previous: string | null = null;

  constructor(source: ImageSource = bridgeImageSource, capacity = 6) {
    this.#source = source;
    this.#entries = new LruCache(capacity, {
      keep: (id) => id === this.#current || id === this.#previous,
      onEvict: (_id, pending) => {
        void pending.then((result) => {
          if (result.ok && result.image.picture.state === 'ready') result.image.picture.bitmap.close();
        });
      },
    });
  }

  /** The image on screen, and the one shown while it loads, are never evicted (their bitmaps are drawn). */
  setCurrent(imageId: string | null): void {
    if (imageId === this.#current) return;
    this.#previous = this.#current;
    this.#current = imageId;
  }

  /** Resolved at once when the image was prepared before (the "next image is immediate" path). */
  load(imageId: string, classes: readonly DatasetClass[]): Promise<PreparedResult> {
    const known = this.#entries.get(imageId);
    if (known) return known;
    const pending = this.#prepare(imageId, classes);
    this.#entries.set(imageId, pending);
    void pending.then((result) => {
      if (!result.ok && this.#entries.get(imageId) === pending) this.#entries.delete(imageId);
    });
    return pending;
  }

  prefetch(imageIds: readonly string[], classes: readonly DatasetClass[]): void {
    for (const id of imageIds) void this.load(id, classes);
  }

  /** Drops an image so the next load reads it again (retry after a failure shown in the panel). */
  forget(imageId: string): void {
    this.#entries.delete(imageId);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  async #prepare(imageId: string, classes: readonly DatasetClass[]): Promise<PreparedResult> {
    const metaCall = this.#source.metadata(imageId);
    const annotationsCall = this.#source.annotations(imageId);
    const mediaCall = this.#source.mediaUrl(imageId);
    // The picture downloads and decodes while the annotations travel and are flattened.
    const pictureCall = Promise.all([metaCall, mediaCall]).then(([meta, media]): Promise<Picture> | Picture => {
      if (!meta.ok) return { state: 'failed', message: meta.error.message, width: null, height: null };
      if (!media.ok)
        return { state: 'failed', message: media.error.message, width: meta.value.width, height: meta.value.height };
      return this.#source.picture(media.value.url, {
        width: meta.value.width,
        height: meta.value.height,
        mimeType: meta.value.mime_type,
      });
    });
    const [meta, annotations] = await Promise.all([metaCall, annotationsCall]);
    if (!meta.ok) {
      void pictureCall.then((picture) => picture.state === 'ready' && picture.bitmap.close());
      return { ok: false, error: meta.error };
    }
    const list = annotations.ok ? annotations.value.annotations : [];
    const known = meta.value.width && meta.value.height ? { width: meta.value.width, height: meta.value.height } : null;
    // Without a size from the server, the decoded picture says how big the image is.
    const scene = known ? prepareScene(list, classes, { imageSize: known }) : null;
    const picture = await pictureCall;
    const decoded = picture.width && picture.height ? { width: picture.width, height: picture.height } : null;
    const imageSize = known ?? decoded;
    const finalScene = scene ?? prepareScene(list, classes, { imageSize });
    // Neither known nor decodable: draw in the space the annotations span so they can still be reviewed.
    const extent = finalScene.extent;
    const space = imageSize ?? {
      width: Math.max(1, Math.ceil(extent ? Math.max(extent.maxX, 1) : 1024)),
      height: Math.max(1, Math.ceil(extent ? Math.max(extent.maxY, 1) : 768)),
    };
    return {
      ok: true,
      image: {
        imageId,
        meta: meta.value,
        annotations: list,
        etag: annotations.ok ? (annotations.value.etag ?? null) : null,
        draft: annotations.ok ? (annotations.value.draft ?? null) : null,
        annotationsError: annotations.ok ? null : annotations.error,
        picture,
        scene: finalScene,
        ...space,
      },
    };
  }
}
