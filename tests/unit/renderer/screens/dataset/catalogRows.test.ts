import { describe, expect, it } from 'vitest';
import type { ImageMeta } from '../../../../../shared/api';
import type { CatalogPage, IpcResult } from '../../../../../shared/ipc';
import { CatalogRows } from '../../../../../renderer/screens/dataset/catalogRows';

interface Call {
  offset: number;
  limit: number;
  resolve(result: IpcResult<CatalogPage>): void;
}

/** A catalog that answers when the test says so, to see what is asked and when. */
function manualCatalog(total: number) {
  const calls: Call[] = [];
  const fetchPage = (_d: string, _q: unknown, offset: number, limit: number) =>
    new Promise<IpcResult<CatalogPage>>((resolve) => calls.push({ offset, limit, resolve }));
  const answer = async (call: Call) => {
    const items = Array.from({ length: Math.max(0, Math.min(call.limit, total - call.offset)) }, (_, i) => ({
      id: `i${call.offset + i}`,
    })) as ImageMeta[];
    call.resolve({ ok: true, value: { items, total, index: null as never } });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { calls, fetchPage, answer };
}

describe('CatalogRows', () => {
  it('fetches only the pages of the latest wanted range, two at a time', async () => {
    const catalog = manualCatalog(100_000);
    const rows = new CatalogRows('d', { sort: 'filename' }, catalog.fetchPage, 100);
    rows.want(0, 50);
    expect(catalog.calls.map((c) => c.offset)).toEqual([0]);
    // A fling: the view passes through many ranges before the first answer.
    rows.want(10_000, 10_450);
    rows.want(50_000, 50_050);
    expect(catalog.calls.map((c) => c.offset)).toEqual([0, 10_000]);
    await catalog.answer(catalog.calls[0]!);
    // The freed slot goes to where the view is now, not to the rows flown past.
    expect(catalog.calls.map((c) => c.offset)).toEqual([0, 10_000, 50_000]);
    expect(rows.state).toMatchObject({ state: 'ready', total: 100_000 });
    expect(rows.row(42)?.id).toBe('i42');
  });

  it('reports a failed first page, then recovers on retry', async () => {
    const catalog = manualCatalog(10);
    const rows = new CatalogRows('d', { sort: 'filename' }, catalog.fetchPage, 100);
    let notified = 0;
    rows.subscribe(() => notified++);
    rows.want(0, 5);
    catalog.calls[0]!.resolve({ ok: false, error: { code: 'network', message: 'down' } });
    await Promise.resolve();
    expect(rows.state).toMatchObject({ state: 'failed', error: { code: 'network' } });
    // No retry loop on its own: failures wait for the user.
    rows.want(0, 6);
    expect(catalog.calls).toHaveLength(1);
    rows.retry();
    expect(catalog.calls).toHaveLength(2);
    await catalog.answer(catalog.calls[1]!);
    expect(rows.state).toMatchObject({ state: 'ready', total: 10, error: null });
    expect(notified).toBeGreaterThanOrEqual(3);
  });

  it('drops answers that arrive after it was disposed', async () => {
    const catalog = manualCatalog(10);
    const rows = new CatalogRows('d', { sort: 'filename' }, catalog.fetchPage, 100);
    rows.want(0, 5);
    rows.dispose();
    await catalog.answer(catalog.calls[0]!);
    expect(rows.state.state).toBe('loading');
    expect(rows.row(0)).toBeUndefined();
  });
});

describe('CatalogRows.refresh', () => {
  it('keeps showing the old rows, refetches what is in view and drops answers from before', async () => {
    const catalog = manualCatalog(1000);
    const rows = new CatalogRows('d', { sort: 'filename' }, catalog.fetchPage, 100);
    rows.want(0, 50);
    await catalog.answer(catalog.calls[0]!);
    rows.want(300, 350);
    const before = catalog.calls[1]!;
    expect(before.offset).toBe(300);

    rows.refresh();
    // Still shown while the new answer is on its way.
    expect(rows.row(5)?.id).toBe('i5');
    expect(catalog.calls.slice(2).map((c) => c.offset)).toEqual([300]);
    // The answer to the request made before the refresh does not land.
    await catalog.answer(before);
    expect(rows.row(305)).toBeUndefined();
    await catalog.answer(catalog.calls[2]!);
    expect(rows.row(305)?.id).toBe('i305');
    // Page 0 is stale: scrolling back fetches it again.
    rows.want(0, 50);
    expect(catalog.calls.at(-1)?.offset).toBe(0);
  });
});
