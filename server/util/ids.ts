import { randomUUID } from 'node:crypto';

/** Ids on the wire are lowercase UUID v4 (contract §1). */
export function newId(): string {
  return randomUUID();
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A path id that is not a lowercase UUID v4 is answered 404, never 400 (contract §1 decision). */
export function isUuid(value: string): boolean {
  return UUID_V4.test(value);
}
