import type { IncomingMessage } from 'node:http';
import type { App } from '../app';
import { notFound } from '../http/apiError';
import { parseJsonObject, readRawBody } from '../http/body';
import { FAULT_STATUSES, type FaultStatus } from '../http/faults';
import { ApiError } from '../http/apiError';
import { emptyReply, type Reply } from '../http/reply';
import { BodyReader } from '../validation/body';

/** Test-mode only (contract §11): `POST /__local/faults {status, count, path_prefix?}` → 204. */
export async function handleLocal(app: App, req: IncomingMessage, path: string): Promise<Reply> {
  if (path !== '/__local/faults') throw notFound('Route');
  if (req.method !== 'POST') {
    throw new ApiError(
      405,
      'method_not_allowed',
      `Method ${req.method} is not allowed here.`,
      { allowed: ['POST'] },
      { Allow: 'POST' },
    );
  }
  const body = parseJsonObject(req, await readRawBody(req));
  const reader = new BodyReader(body, ['status', 'count', 'path_prefix']);
  const status = reader.integer('status', { required: true });
  if (typeof status === 'number' && !(FAULT_STATUSES as readonly number[]).includes(status)) {
    reader.problem('status', `must be one of ${FAULT_STATUSES.join(', ')}`);
  }
  const count = reader.integer('count', { required: true, min: 1, max: 1_000_000 });
  const pathPrefix = reader.string('path_prefix', { min: 1 }) ?? undefined;
  reader.finish();
  app.faults.add(status as FaultStatus, count!, pathPrefix);
  return emptyReply(204);
}
