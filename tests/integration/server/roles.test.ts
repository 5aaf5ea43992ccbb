import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/common';
import { startTestServer, type TestServer } from '../../support/server';
import { UNKNOWN_UUID as U, call } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Every route of contract §6 with its minimum role; ids are unknown so allowed calls end in 404/422 without side effects. */
const ROUTES: [method: string, path: string, minRole: Role, body?: unknown][] = [
  ['GET', '/datasets/', 'viewer'],
  ['GET', `/datasets/${U}`, 'viewer'],
  ['GET', `/datasets/${U}/download`, 'viewer'],
  ['GET', `/images/?dataset_id=${U}`, 'viewer'],
  ['GET', `/images/${U}`, 'viewer'],
  ['GET', `/images/${U}/metadata`, 'viewer'],
  ['GET', `/images/${U}/thumbnail`, 'viewer'],
  ['POST', '/images/upload-url', 'member', {}],
  ['POST', '/images/register', 'member', {}],
  ['POST', `/images/${U}/review`, 'member', { action: 'approve' }],
  ['DELETE', `/images/${U}`, 'admin'],
  ['DELETE', `/images/${U}?permanent=true`, 'admin'],
  ['GET', `/annotations/${U}`, 'viewer'],
  ['GET', `/annotations/${U}/file`, 'viewer'],
  ['POST', `/annotations/${U}`, 'member', { annotations: [] }],
  ['DELETE', `/annotations/${U}`, 'admin'],
  ['POST', '/exports/', 'member', {}],
  ['GET', '/exports/', 'viewer'],
  ['GET', `/exports/${U}`, 'viewer'],
  ['GET', `/exports/${U}/download`, 'viewer'],
  ['DELETE', `/exports/${U}`, 'admin'],
  ['GET', '/api/v1/api-keys/', 'admin'],
  ['POST', '/api/v1/api-keys/', 'admin', {}],
  ['GET', `/api/v1/api-keys/${U}`, 'admin'],
  ['PATCH', `/api/v1/api-keys/${U}`, 'admin', { name: 'x' }],
  ['DELETE', `/api/v1/api-keys/${U}`, 'admin'],
];
const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
const ROLES: Role[] = ['viewer', 'member', 'admin', 'owner'];

describe('role matrix (contract §6)', () => {
  for (const [method, path, minRole, body] of ROUTES) {
    it(`${method} ${path.replace(U, '{id}')} needs ${minRole}`, async () => {
      for (const role of ROLES) {
        const res = await call(server, method, path, { key: server.keys[role], body });
        if (RANK[role] < RANK[minRole]) {
          expect(res.status, `${role}`).toBe(403);
          expect(res.json).toEqual({
            error: 'forbidden',
            message: expect.any(String),
            details: { required_role: minRole, current_role: role },
          });
        } else {
          expect([200, 404, 422], `${role} got ${res.status}`).toContain(res.status);
        }
      }
    });
  }
});
