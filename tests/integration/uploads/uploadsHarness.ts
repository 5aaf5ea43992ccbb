import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { createRouter, trustedOrigin } from '../../../electron/ipc/router';
import type { CoreTuning, MainCore } from '../../../electron/core';
import { createMainCore } from '../../../electron/core';
import type { ChannelName, EventName, IpcResult, RequestOf, ResponseOf } from '../../../shared/ipc';

const APP = 'app://pictograph';

export interface UploadCore {
  core: MainCore;
  events: { name: EventName; payload: unknown }[];
  ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
}

/**
 * A real MainCore on a userData folder the test owns, so a second core can open the same folder
 * (a restart). Tests pass their own fetch to watch or stall requests on the wire.
 */
export async function openCore(userDataDir: string, keychainService: string, tuning: CoreTuning): Promise<UploadCore> {
  const events: UploadCore['events'] = [];
  const core = await createMainCore(
    {
      userDataDir,
      appOrigin: APP,
      host: 'harness',
      version: '0.0.0-test',
      emit: (name, payload) => events.push({ name, payload: structuredClone(payload) }),
      keychainService,
    },
    tuning,
  );
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(APP), log: () => undefined });
  const call = async <C extends ChannelName>(channel: C, request: RequestOf<C>) =>
    (await router.dispatch(channel, request, { senderUrl: `${APP}/index.html` })) as IpcResult<ResponseOf<C>>;
  const ok = async <C extends ChannelName>(channel: C, request: RequestOf<C>) => {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { core, events, ok, call };
}

/** A small real image; `seed` varies the colour and size so every file is distinct. */
export async function writeImage(path: string, seed: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<number> {
  await mkdir(join(path, '..'), { recursive: true });
  const image = sharp({
    create: {
      width: 16 + (seed % 7),
      height: 12 + (seed % 5),
      channels: 3,
      background: { r: seed % 256, g: 90, b: 160 },
    },
  });
  const bytes = format === 'jpeg' ? await image.jpeg().toBuffer() : await image.png().toBuffer();
  await writeFile(path, bytes);
  return bytes.length;
}

/** Bad files of each kind the checks must name. */
export async function writeBadFiles(dir: string): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true });
  const good = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f0' } })
    .jpeg()
    .toBuffer();
  const files = {
    corrupt: join(dir, 'corrupt.jpg'),
    notImage: join(dir, 'notes.jpg'),
    oversized: join(dir, 'huge.jpg'),
    wrongExtension: join(dir, 'readme.txt'),
  };
  await writeFile(files.corrupt, Buffer.concat([good.subarray(0, 20), Buffer.alloc(200, 7)]));
  await writeFile(files.notImage, 'Meeting notes, not a picture.\n');
  await writeFile(files.oversized, good);
  await truncate(files.oversized, 50 * 1024 * 1024 + 1); // sparse: over the cap without 50 MB of writes
  await writeFile(files.wrongExtension, 'text');
  return files;
}
