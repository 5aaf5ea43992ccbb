/** Where the hosted Pictograph answers: the built-in "Pictograph cloud" profile and the connect form. */
export const CLOUD_BASE_URL = 'https://api.pictograph.io';
