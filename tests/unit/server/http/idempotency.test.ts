import { describe, expect, it } from 'vitest';
import { IdempotencyGate } from '../../../../server/http/idempotency';
import { jsonReply, type Reply } from '../../../../server/http/reply';
import { openDatabase } from '../../../../server/store/db';
import { IdempotencyRepository } from '../../../../server/store/idempotency';
import { ApiError } from '../../../../server/http/apiError';

function gate(clock = () => 1_000) {
  const db = openDatabase(':memory:');
  return new IdempotencyGate(new IdempotencyRepository(db), clock);
}

const request = { method: 'POST', path: '/x', bodySha256: 'abc' };

describe('IdempotencyGate', () => {
  it('409 while the first request with the key is still running, then replays it', async () => {
    const g = gate();
    let release!: () => void;
    const slow = g.run('key-1', 'k', request, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return jsonReply(201, { made: 1 });
    });
    await expect(g.run('key-1', 'k', request, async () => jsonReply(201, { made: 2 }))).rejects.toMatchObject({
      status: 409,
    });
    release();
    expect((await slow).status).toBe(201);
    const replay = await g.run('key-1', 'k', request, async () => jsonReply(201, { made: 3 }));
    expect(replay.headers['Idempotency-Replayed']).toBe('true');
    expect(String(replay.body)).toBe('{"made":1}');
  });

  it('does not store 429 or 5xx', async () => {
    const g = gate();
    for (const status of [429, 500, 503]) {
      const reply: Reply = jsonReply(status, { error: 'x' });
      await g.run('key-1', `s${status}`, request, async () => reply);
      const next = await g.run('key-1', `s${status}`, request, async () => jsonReply(200, { ok: true }));
      expect(next.status).toBe(200);
    }
  });

  it('validates the header: 1–255 printable ASCII', () => {
    expect(IdempotencyGate.validateKey(undefined)).toBeUndefined();
    expect(IdempotencyGate.validateKey('a b~')).toBe('a b~');
    for (const bad of ['', 'x'.repeat(256), '\u0001', 'ü']) {
      expect(() => IdempotencyGate.validateKey(bad)).toThrow(ApiError);
    }
  });
});
