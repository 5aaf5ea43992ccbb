import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UrlSigner } from '../../../server/signing';
import type { SignedMethod } from '../../../server/signing';
import { startTestServer, type TestServer } from '../../support/server';

let server: TestServer;
let signer: UrlSigner;

beforeAll(async () => {
  server = await startTestServer();
  // The server's own signing secret, read from its database, so the URLs below carry a valid
  // signature and only the id check can refuse them.
  const db = new DatabaseSync(join(server.dataDir, 'pictograph-local.db'), { readOnly: true });
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'signing_secret'").get() as { value: string };
    signer = new UrlSigner(Buffer.from(row.value, 'hex'), Date.now);
  } finally {
    db.close();
  }
});
afterAll(() => server.close());

const signed = (method: SignedMethod, path: string): string =>
  `${server.url}${signer.sign(method, path, 60_000).pathWithQuery}`;

describe('signed storage URLs with an id that is not a lowercase UUID v4 (§1, §10)', () => {
  const ids: [label: string, id: string][] = [
    ['a name', 'not-a-uuid'],
    ['dots', 'a..b'],
    ['an encoded traversal', '%2e%2e%2fmeta'],
    ['an uppercase UUID', 'A0000000-0000-4000-8000-000000000001'],
    ['300 characters', 'x'.repeat(300)],
  ];
  const kinds: [kind: string, method: SignedMethod][] = [
    ['images', 'GET'],
    ['exports', 'GET'],
    ['uploads', 'PUT'],
  ];

  it.each(kinds.flatMap(([kind, method]) => ids.map(([label, id]) => [kind, method, label, id] as const)))(
    '%s %s, id %s: 404 "Object not found." before any lookup',
    async (kind, method, _label, id) => {
      const url = signed(method, `/storage/${kind}/${id}`);
      const res = await fetch(url, {
        method,
        ...(method === 'PUT' ? { body: 'bytes', headers: { 'Content-Type': 'image/png' } } : {}),
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found', message: 'Object not found.' });
    },
  );

  it('the same signing reaches the object for a real id (the URLs above were valid)', async () => {
    const listing = await fetch(`${server.url}/api/v1/developer/datasets/?limit=1`, {
      headers: { 'X-API-Key': server.keys.viewer },
    });
    const [dataset] = (await listing.json()) as { id: string }[];
    const download = await fetch(`${server.url}/api/v1/developer/datasets/${dataset!.id}/download?limit=1`, {
      headers: { 'X-API-Key': server.keys.viewer },
    });
    const { items } = (await download.json()) as { items: { id: string }[] };
    const res = await fetch(signed('GET', `/storage/images/${items[0]!.id}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
  });
});
