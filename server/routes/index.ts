import type { RouteDef } from '../http/router';
import { annotationRoutes } from './annotations';
import { apiKeyRoutes } from './apiKeys';
import { datasetRoutes } from './datasets';
import { exportRoutes } from './exports';
import { imageRoutes } from './images';
import { uploadRoutes } from './uploads';

/** Every authenticated route of the contract, with its minimum role (§6). */
export const allRoutes: RouteDef[] = [
  ...datasetRoutes,
  ...imageRoutes,
  ...uploadRoutes,
  ...annotationRoutes,
  ...exportRoutes,
  ...apiKeyRoutes,
];
