import type { DatabaseSync } from 'node:sqlite';
import { AnnotationListRepository } from './annotationLists';
import { ApiKeyRepository } from './apiKeys';
import { DatasetRepository } from './datasets';
import { ExportRepository } from './exports';
import { IdempotencyRepository } from './idempotency';
import { ImageRepository } from './images';
import { MetaRepository } from './meta';
import { ReviewRepository } from './reviews';
import { UploadRepository } from './uploads';

/** Every typed repository over one database connection. */
export interface Store {
  db: DatabaseSync;
  meta: MetaRepository;
  datasets: DatasetRepository;
  images: ImageRepository;
  annotations: AnnotationListRepository;
  reviews: ReviewRepository;
  apiKeys: ApiKeyRepository;
  uploads: UploadRepository;
  exports: ExportRepository;
  idempotency: IdempotencyRepository;
}

export function createStore(db: DatabaseSync): Store {
  return {
    db,
    meta: new MetaRepository(db),
    datasets: new DatasetRepository(db),
    images: new ImageRepository(db),
    annotations: new AnnotationListRepository(db),
    reviews: new ReviewRepository(db),
    apiKeys: new ApiKeyRepository(db),
    uploads: new UploadRepository(db),
    exports: new ExportRepository(db),
    idempotency: new IdempotencyRepository(db),
  };
}
