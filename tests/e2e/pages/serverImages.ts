/**
 * Reading and seeding a pictograph-local dataset straight through its API (the owner's key), so
 * specs check what actually arrived on the server rather than what the app says arrived.
 */
interface ServerAccess {
  url: string;
  keys: { owner: string };
}

const API = '/api/v1/developer';

async function call<T>(server: ServerAccess, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${API}${path}`, {
    method,
    headers: { 'X-API-Key': server.keys.owner, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function datasetIdOf(server: ServerAccess, name: string): Promise<string> {
  const datasets = await call<{ id: string; name: string }[]>(server, 'GET', '/datasets/');
  const found = datasets.find((d) => d.name === name);
  if (!found) throw new Error(`No dataset named ${name}`);
  return found.id;
}

/** Every image of the dataset as `directory/filename` (one entry per image: duplicates show twice). */
export async function serverImageNames(server: ServerAccess, datasetId: string): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await call<{ filename: string; directory_path: string }[]>(
      server,
      'GET',
      `/images/?dataset_id=${datasetId}&limit=100&offset=${offset}`,
    );
    for (const image of page) names.push(`${image.directory_path.replace(/\/?$/, '/')}${image.filename}`);
    if (page.length < 100) return names.sort();
  }
}

/** Uploads one JPEG into the dataset's root with the three-step upload (§7.2), as another client would. */
export async function seedImage(
  server: ServerAccess,
  datasetId: string,
  filename: string,
  jpeg: Buffer,
  size: { width: number; height: number },
): Promise<void> {
  const target = { dataset_id: datasetId, filename, directory_path: '/', content_type: 'image/jpeg' };
  const slot = await call<{ upload_id: string; upload_url: string }>(server, 'POST', '/images/upload-url', target);
  const put = await fetch(slot.upload_url, {
    method: 'PUT',
    body: new Uint8Array(jpeg),
    headers: { 'Content-Type': 'image/jpeg' },
  });
  if (!put.ok) throw new Error(`PUT ${filename}: ${put.status}`);
  await call(server, 'POST', '/images/register', {
    upload_id: slot.upload_id,
    dataset_id: datasetId,
    filename,
    directory_path: '/',
    file_size: jpeg.byteLength,
    mime_type: 'image/jpeg',
    ...size,
  });
}
