import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PictographClient } from '../../../electron/services/client';
import { annotationsFromExport } from '../../../electron/services/offline/exportAnnotations';
import type { ExportAnnotationsInput } from '../../../electron/services/offline/exportAnnotations';
import type { Dataset, ExportRecord } from '../../../shared/api';
import { STREET, developerGet, startTestServer } from '../../support/server';
import type { TestServer } from '../../support/server';

/**
 * An offline download's one export survives the app quitting while its create was on the wire:
 * the name is stored before the request, and a restart finds that export by name; a create that
 * meets its own name (the lost answer, same second) follows the export that name belongs to.
 */
let server: TestServer;
let street: Dataset;
const sent: { method: string; url: string }[] = [];
const client = () =>
  new PictographClient({
    baseUrl: server.url,
    apiKey: server.keys.member,
    sleep: async () => undefined,
    fetch: (input, init) => {
      sent.push({ method: init?.method ?? 'GET', url: String(input) });
      return fetch(input, init);
    },
  });
const creates = () => sent.filter((r) => r.method === 'POST' && /\/exports\/$/.test(r.url)).length;
const exportsNamed = async (name: string) =>
  (await developerGet<ExportRecord[]>(server, `/exports/?dataset_name=${street.slug}&limit=1000`)).filter(
    (e) => e.name === name,
  );

async function createDirectly(name: string): Promise<ExportRecord> {
  const response = await fetch(`${server.url}/api/v1/developer/exports/`, {
    method: 'POST',
    headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json' },
    body: JSON.stringify({ dataset_name: street.slug, name, format: 'pictograph', include_images: false }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as ExportRecord;
}

function input(
  overrides: Partial<ExportAnnotationsInput>,
): ExportAnnotationsInput & { names: string[]; ids: string[] } {
  const names: string[] = [];
  const ids: string[] = [];
  const pictograph = client();
  return {
    use: (call) => call(pictograph),
    signal: new AbortController().signal,
    datasetSlug: street.slug,
    exportId: null,
    exportName: null,
    onExportId: (id) => ids.push(id),
    onExportName: (name) => names.push(name),
    onDoc: () => undefined,
    onBadEntry: () => undefined,
    timing: { firstMs: 10, maxMs: 50 },
    names,
    ids,
    ...overrides,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  street = (await developerGet<Dataset[]>(server, '/datasets/')).find((d) => d.name === STREET)!;
});
afterAll(async () => {
  await server?.close();
});

describe('the offline download’s export, after a lost answer', () => {
  it('a restart that knows only the name it asked for follows that export: no second one', async () => {
    const name = 'Pictograph Review offline copy 2026-11-30T10:00:00Z';
    const lost = await createDirectly(name); // the create landed; its answer never reached the app
    sent.length = 0;
    const run = input({ exportName: name });
    const docs = await annotationsFromExport(run);
    expect(docs).toBeGreaterThan(0);
    expect(creates()).toBe(0);
    expect(run.ids).toEqual([lost.id]);
    expect(run.names, 'no new name: the old one was found').toEqual([]);
    expect(await exportsNamed(name)).toHaveLength(1);
  });

  it('stores the name before the create is sent, and a create meeting its own name follows it', async () => {
    const at = new Date('2026-11-30T11:00:00.000Z');
    const name = 'Pictograph Review offline copy 2026-11-30T11:00:00Z';
    const taken = await createDirectly(name); // the same second, a create whose answer was lost
    sent.length = 0;
    let postsWhenNamed = -1;
    const run = input({ now: () => at });
    run.onExportName = (n) => {
      postsWhenNamed = creates();
      run.names.push(n);
    };
    await annotationsFromExport(run);
    expect(run.names).toEqual([name]);
    expect(postsWhenNamed, 'the name was stored before any create left').toBe(0);
    expect(creates(), 'one create, answered 409').toBe(1);
    expect(run.ids).toEqual([taken.id]);
    expect(await exportsNamed(name)).toHaveLength(1);
  });

  it('a name nobody has any more (the export expired) makes a new export', async () => {
    sent.length = 0;
    const run = input({ exportName: 'Pictograph Review offline copy 2020-01-01T00:00:00Z' });
    await annotationsFromExport(run);
    expect(creates()).toBe(1);
    expect(run.names).toHaveLength(1);
    expect(run.names[0]).toMatch(/^Pictograph Review offline copy \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await exportsNamed(run.names[0]!)).toHaveLength(1);
  });
});
