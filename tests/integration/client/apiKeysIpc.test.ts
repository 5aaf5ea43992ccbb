import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';
import { startCore } from '../main/support/coreHarness';
import type { CoreHarness } from '../main/support/coreHarness';

/** The API-key channels through the real router and core: the secret crosses IPC once and is logged nowhere. */
let server: TestServer;
let main: CoreHarness;

beforeAll(async () => {
  server = await startTestServer();
  main = await startCore();
});
afterAll(async () => {
  await main?.dispose();
  await server?.close();
});

describe('apiKeys channels', () => {
  it('an admin lists, creates (secret shown once) and revokes', async () => {
    await main.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.admin });
    const created = await main.ok('apiKeys:create', { name: 'labeller laptop', role: 'member' });
    expect(created.key).toMatch(/^pk_live_/);
    const listed = await main.ok('apiKeys:list', {});
    expect(listed.find((k) => k.id === created.id)).toMatchObject({ name: 'labeller laptop', role: 'member' });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(main.logs.join('\n')).not.toContain(created.key);
    expect(JSON.stringify(main.events)).not.toContain(created.key);
    expect(await main.ok('apiKeys:revoke', { keyId: created.id })).toEqual({ revoked: true });
    expect((await main.ok('apiKeys:list', {})).some((k) => k.id === created.id)).toBe(false);
  });

  it('a member is told which role the page needs', async () => {
    await main.ok('connection:connect', { baseUrl: server.url, apiKey: server.keys.member });
    expect(await main.call('apiKeys:list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', status: 403, details: { requiredRole: 'admin', currentRole: 'member' } },
    });
  });
});
