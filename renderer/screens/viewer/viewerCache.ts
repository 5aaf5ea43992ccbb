import { PreparedImageCache } from '../../viewer/preparedImages';

/**
 * One cache for the app's life: leaving the viewer and coming back to a nearby image is instant.
 * Six entries hold the image on screen, two ahead, one behind and two recently seen.
 */
export const viewerCache = new PreparedImageCache();
