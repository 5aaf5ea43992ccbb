import { describe, expect, it } from 'vitest';
import { emptyReply } from '../../../../server/http/reply';
import { Router, normalizePath, type RouteDef } from '../../../../server/http/router';

const handler = () => emptyReply(204);
const routes: RouteDef[] = [
  { method: 'GET', path: '/api/images/:id', minRole: 'viewer', handler },
  { method: 'DELETE', path: '/api/images/:id', minRole: 'admin', handler },
  { method: 'POST', path: '/api/images/upload-url', minRole: 'member', handler },
  { method: 'GET', path: '/api/images/', minRole: 'viewer', handler },
];

describe('Router', () => {
  const router = new Router(routes);

  it('matches params and prefers literal segments', () => {
    expect(router.match('GET', '/api/images/abc')).toMatchObject({ kind: 'found', params: { id: 'abc' } });
    const upload = router.match('POST', '/api/images/upload-url');
    expect(upload.kind === 'found' && upload.route.path).toBe('/api/images/upload-url');
  });

  it('accepts both trailing-slash forms', () => {
    expect(router.match('GET', '/api/images').kind).toBe('found');
    expect(router.match('GET', '/api/images/').kind).toBe('found');
    expect(normalizePath('/')).toBe('/');
  });

  it('405 lists every method of every matching pattern, in a stable order', () => {
    expect(router.match('PUT', '/api/images/upload-url')).toEqual({
      kind: 'method_not_allowed',
      allowed: ['GET', 'POST', 'DELETE'],
    });
    expect(router.match('PATCH', '/api/images/x')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'DELETE'] });
  });

  it('404 for unknown paths and empty segments', () => {
    expect(router.match('GET', '/api/other').kind).toBe('not_found');
    expect(router.match('GET', '/api/images/a/b').kind).toBe('not_found');
    expect(router.match('GET', '/api/images//').kind).toBe('not_found');
  });
});
