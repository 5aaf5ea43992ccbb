/** Ids for new annotations: UUIDs, like the server's own (opaque strings to everyone, §13.10). */
export function newAnnotationId(): string {
  return crypto.randomUUID();
}
