import { describe, expect, it } from 'vitest';
import type { DecodedList } from '../../../../../electron/services/client/decode';
import { collectAll, paginate } from '../../../../../electron/services/client/pager';

/** A list of `size` items served with the given page behaviour; records each request. */
function source(
  size: number,
  opts: { clampTo?: number; total?: boolean; envelope?: boolean; ignoreOffset?: boolean } = {},
) {
  const all = Array.from({ length: size }, (_, i) => `item-${i}`);
  const calls: { limit: number; offset: number }[] = [];
  const fetchPage = async (limit: number, offset: number): Promise<DecodedList<string>> => {
    calls.push({ limit, offset });
    const take = Math.min(limit, opts.clampTo ?? limit);
    const start = opts.ignoreOffset ? 0 : offset;
    const items = all.slice(start, start + take);
    const hasMore = start + items.length < size;
    return {
      items,
      pagination: opts.envelope ? { has_more: hasMore } : null,
      total: opts.total ? size : null,
    };
  };
  return { fetchPage, calls };
}

describe('paginate', () => {
  it('stops on a short page and advances offset by items received', async () => {
    const s = source(2500);
    const items = await collectAll(paginate(s.fetchPage, { pageSize: 1000 }));
    expect(items).toHaveLength(2500);
    expect(s.calls).toEqual([
      { limit: 1000, offset: 0 },
      { limit: 1000, offset: 1000 },
      { limit: 1000, offset: 2000 },
    ]);
  });

  it('needs a final empty page on an exact multiple without a total, but not with X-Total-Count', async () => {
    const without = source(2000);
    expect(await collectAll(paginate(without.fetchPage))).toHaveLength(2000);
    expect(without.calls).toHaveLength(3);
    const withTotal = source(2000, { total: true });
    expect(await collectAll(paginate(withTotal.fetchPage))).toHaveLength(2000);
    expect(withTotal.calls).toHaveLength(2);
  });

  it('keeps going after a server clamps the limit when the envelope says has_more', async () => {
    const s = source(250, { clampTo: 100, envelope: true });
    const items = await collectAll(paginate(s.fetchPage, { pageSize: 1000 }));
    expect(items).toHaveLength(250);
    expect(s.calls.map((c) => c.offset)).toEqual([0, 100, 200]);
  });

  it('clamps the page size into 1..1000', async () => {
    const s = source(5);
    await collectAll(paginate(s.fetchPage, { pageSize: 50_000 }));
    expect(s.calls[0]?.limit).toBe(1000);
    const t = source(3);
    await collectAll(paginate(t.fetchPage, { pageSize: 0 }));
    expect(t.calls[0]?.limit).toBe(1);
  });

  it('refuses a server that ignores offset instead of paging forever', async () => {
    const s = source(50, { ignoreOffset: true, envelope: false, clampTo: 10 });
    await expect(collectAll(paginate(s.fetchPage, { pageSize: 10, keyOf: (x) => x }))).rejects.toMatchObject({
      code: 'bad_response',
    });
    expect(s.calls.length).toBe(2);
  });

  it('yields nothing for an empty list', async () => {
    const s = source(0);
    expect(await collectAll(paginate(s.fetchPage))).toEqual([]);
    expect(s.calls).toHaveLength(1);
  });

  it('stops with cancelled once the signal is aborted', async () => {
    const s = source(5000);
    const controller = new AbortController();
    const pages = paginate(s.fetchPage, { pageSize: 100, signal: controller.signal });
    const seen: string[][] = [];
    await expect(
      (async () => {
        for await (const page of pages) {
          seen.push(page);
          controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen).toHaveLength(1);
  });
});
