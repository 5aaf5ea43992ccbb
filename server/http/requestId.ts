import { randomUUID } from 'node:crypto';

const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Echo a well-formed client X-Request-Id, else mint a UUID v4 (contract §1). */
export function pickRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}
