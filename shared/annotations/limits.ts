/**
 * §7.3 limits, one home for the app (validation, the IPC schema) and pictograph-local, which
 * imports them too: a limit the two sides disagreed on would let the app send what the server
 * refuses, or refuse what it accepts.
 */
export const MAX_ANNOTATIONS_PER_IMAGE = 10_000;
export const MAX_ANNOTATION_ID_LENGTH = 128;
