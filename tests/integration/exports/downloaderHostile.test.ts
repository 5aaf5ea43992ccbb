import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ExportDownloader } from '../../../electron/services/exports/downloader';
import type { ExportDownloadState } from '../../../shared/ipc';
import { startHostileServer } from '../../support/hostile-server';
import type { HostileServer } from '../../support/hostile-server';
import { hostileClient } from '../client/hostileClient';

/** The downloader against servers that send more or fewer bytes than the export announced. */
const EXPORT_ID = '20000000-0000-4000-8000-000000000001';
let server: HostileServer;
let folder: string;

beforeAll(async () => {
  server = await startHostileServer();
  folder = await mkdtemp(join(tmpdir(), 'hostile-download-'));
});
afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

async function download(scenario: string): Promise<ExportDownloadState> {
  const { client } = hostileClient(server, scenario);
  const downloader = new ExportDownloader({
    use: (call) => call(client),
    onState: () => undefined,
    log: () => undefined,
  });
  const started = downloader.start(await client.exports.get(EXPORT_ID), folder);
  return (await downloader.settled(started.downloadId))!;
}

it('a ZIP shorter than announced is not saved', async () => {
  const end = await download('zip-shorter');
  expect(end).toMatchObject({
    state: 'failed',
    path: null,
    error: { code: 'bad_response', message: 'The download ended after 1000 of 4096 bytes; nothing was saved.' },
  });
  expect(await readdir(folder)).toEqual([]);
});

it('a ZIP longer than announced is cut off and not saved', async () => {
  const end = await download('zip-longer-chunked');
  expect(end).toMatchObject({ state: 'failed', error: { code: 'bad_response' } });
  expect(end.error?.message).toMatch(/larger than announced/);
  expect(await readdir(folder)).toEqual([]);
});
