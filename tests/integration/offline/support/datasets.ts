import type { TestServer } from '../../../support/server';

export type FixtureDatasets = Record<string, { id: string; images: string[] }>;

/** The fixture's datasets by name with their image ids, read straight from pictograph-local (owner key). */
export async function datasetsOf(target: TestServer): Promise<FixtureDatasets> {
  const headers = { 'X-API-Key': target.keys.owner };
  const api = `${target.url}/api/v1/developer`;
  const list = (await (await fetch(`${api}/datasets/`, { headers })).json()) as { id: string; name: string }[];
  const out: FixtureDatasets = {};
  for (const d of list) {
    const images = (await (await fetch(`${api}/images/?dataset_id=${d.id}&limit=100`, { headers })).json()) as {
      id: string;
    }[];
    out[d.name] = { id: d.id, images: images.map((i) => i.id) };
  }
  return out;
}
