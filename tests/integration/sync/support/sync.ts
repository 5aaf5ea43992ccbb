import type { Annotation } from '../../../../shared/api';
import type { TestServer } from '../../../support/server';
import { STREET } from '../../../support/server';

/** Fast timing for the sync engine in tests: probe within 50–200 ms, no 10 s waits. */
export const FAST_SYNC = { probe: { initialMs: 50, maxMs: 200 }, retryMs: 200 };

const api = (server: TestServer) => `${server.url}/api/v1/developer`;
const owner = (server: TestServer) => ({ 'X-API-Key': server.keys.owner });

/** What pictograph-local holds, read straight from it with the owner key (not through the app). */
export async function serverList(
  server: TestServer,
  imageId: string,
): Promise<{ annotations: Annotation[]; etag: string }> {
  const res = await fetch(`${api(server)}/annotations/${imageId}`, { headers: owner(server) });
  if (res.status !== 200) throw new Error(`GET annotations: ${res.status}`);
  const body = (await res.json()) as { annotations: Annotation[] };
  return { annotations: body.annotations, etag: res.headers.get('etag') ?? '' };
}

export async function serverImage(server: TestServer, imageId: string): Promise<{ status: string }> {
  const res = await fetch(`${api(server)}/images/${imageId}/metadata`, { headers: owner(server) });
  return (await res.json()) as { status: string };
}

/** Street Scenes images that carry at least `min` annotations (fixture: odd numbers carry four). */
export async function streetImagesWith(server: TestServer, min: number): Promise<string[]> {
  const headers = owner(server);
  const datasets = (await (await fetch(`${api(server)}/datasets/`, { headers })).json()) as {
    id: string;
    name: string;
  }[];
  const street = datasets.find((d) => d.name === STREET)!;
  const images = (await (
    await fetch(`${api(server)}/images/?dataset_id=${street.id}&limit=100`, { headers })
  ).json()) as {
    id: string;
    annotation_count: number;
  }[];
  return images.filter((i) => i.annotation_count >= min).map((i) => i.id);
}

/** A copy of `a` with a change the merge sees, whatever its type (an unknown field, kept verbatim by the server). */
export const edited = (a: Annotation, mark: string): Annotation => ({ ...a, edit_mark: mark });

export const ids = (list: readonly Annotation[]): string[] => list.map((a) => a.id);

/** Puts four plain boxes on an image straight through the API (owner key), so each test starts alike. */
export async function resetImage(server: TestServer, imageId: string): Promise<string> {
  const annotations = Array.from({ length: 4 }, (_, i) => ({
    id: `r${i}`,
    name: 'car',
    type: 'bbox',
    bounding_box: { x: i * 10, y: 0, w: 5, h: 5 },
  }));
  const res = await fetch(`${api(server)}/annotations/${imageId}`, {
    method: 'POST',
    headers: { ...owner(server), 'Content-Type': 'application/json' },
    body: JSON.stringify({ annotations }),
  });
  if (res.status !== 200) throw new Error(`reset: ${res.status}`);
  return res.headers.get('etag') ?? '';
}
