import type { RunningServer } from '../../server/index';

export interface TileToUpload {
  filename: string;
  /** The 4096² JPEG's bytes. */
  bytes: Buffer;
  /** Its annotation list, in wire form. */
  annotations: Record<string, unknown>[];
}

/**
 * Uploads 4096² tiles into a dataset the way a client does (upload-url, PUT, register, then the
 * annotation list), as the owner, and answers their ids. The viewer and editor benches share it.
 */
export async function uploadTiles(
  server: RunningServer,
  datasetName: string,
  tiles: AsyncIterable<TileToUpload> | Iterable<TileToUpload>,
): Promise<string[]> {
  const api = `${server.url}/api/v1/developer`;
  const headers = { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json' };
  const call = async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${api}${path}`, { method, headers, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const datasets = (await (await fetch(`${api}/datasets/`, { headers })).json()) as { id: string; name: string }[];
  const datasetId = datasets.find((d) => d.name === datasetName)!.id;
  const ids: string[] = [];
  for await (const { filename, bytes, annotations } of tiles) {
    const step1 = await call<{ upload_id: string; upload_url: string }>('POST', '/images/upload-url', {
      dataset_id: datasetId,
      filename,
      directory_path: '/',
      content_type: 'image/jpeg',
    });
    const put = await fetch(step1.upload_url, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/jpeg' },
      body: new Blob([new Uint8Array(bytes)]),
    });
    if (put.status !== 200) throw new Error(`upload PUT → ${put.status}`);
    const meta = await call<{ id: string }>('POST', '/images/register', {
      upload_id: step1.upload_id,
      dataset_id: datasetId,
      filename,
      directory_path: '/',
      file_size: bytes.byteLength,
      mime_type: 'image/jpeg',
      width: 4096,
      height: 4096,
    });
    await call('POST', `/annotations/${meta.id}`, { annotations });
    ids.push(meta.id);
  }
  return ids;
}
