import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialQueue, writeFileAtomic } from '../../../../../electron/services/fs/atomicFile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates folders, writes, replaces, and leaves no temp files', async () => {
    const path = join(dir, 'nested', 'deeper', 'file.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, new TextEncoder().encode('two'));
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['file.json']);
  });

  it('fails cleanly (no temp file left) when the target cannot be written', async () => {
    const blocker = join(dir, 'is-a-file');
    await writeFileAtomic(blocker, 'x');
    await expect(writeFileAtomic(join(blocker, 'child.json'), 'y')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['is-a-file']);
  });
});

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, and a failure does not stop the queue', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running += 1;
        expect(running).toBe(1);
        await new Promise((r) => setTimeout(r, 2));
        order.push(name);
        running -= 1;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
