export { PictographClient } from './pictographClient';
export { normalizeBaseUrl, API_ROOT } from './baseUrl';
export type { ClientOptions, Sleep } from './options';
export { MAX_IMAGE_BYTES, MAX_JSON_BYTES, MAX_THUMBNAIL_BYTES, MAX_WAIT_SECONDS } from './options';
export type { BytesResult } from './requests';
export { backoffDelayMs } from './backoff';
