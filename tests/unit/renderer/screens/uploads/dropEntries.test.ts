import { describe, expect, it } from 'vitest';
import type { EntryLike } from '../../../../../renderer/screens/uploads/dropEntries';
import { describePreview, previewDrop } from '../../../../../renderer/screens/uploads/dropEntries';

const file = (name: string): EntryLike => ({ name, isFile: true, isDirectory: false });

/** A folder whose reader answers in batches of `batch`, like Chromium's 100, then an empty one. */
function folder(name: string, children: EntryLike[], batch = 2): EntryLike {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (success) => {
          const next = children.slice(at, at + batch);
          at += next.length;
          queueMicrotask(() => success(next));
        },
      };
    },
  };
}

const unreadable = (name: string): EntryLike => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => ({ readEntries: (_success, failure) => failure?.(new Error('denied')) }),
});

describe('previewDrop (folders walked to relative paths)', () => {
  it('keeps each file under its folders, reads every batch, skips hidden ones like main does', async () => {
    const preview = await previewDrop([
      file('loose.jpg'),
      folder('photos', [
        file('b.jpg'),
        file('a.jpg'),
        file('.DS_Store'),
        folder('2024', [file('c.png'), file('d.png'), file('e.png')]),
        folder('.git', [file('config')]),
      ]),
    ]);
    expect(preview.files).toEqual([
      'loose.jpg',
      'photos/2024/c.png',
      'photos/2024/d.png',
      'photos/2024/e.png',
      'photos/a.jpg',
      'photos/b.jpg',
    ]);
    expect(preview.folders).toEqual(['photos']);
    expect(preview.hidden).toBe(2);
    expect(preview.truncated).toBe(false);
    expect(describePreview(preview)).toBe('6 files from “photos” (its folders are kept)');
  });

  it('stops counting at the limit, and names folders it could not read', async () => {
    const preview = await previewDrop(
      [folder('many', [file('1.jpg'), file('2.jpg'), file('3.jpg')]), unreadable('locked')],
      2,
    );
    expect(preview.files).toEqual(['many/1.jpg', 'many/2.jpg']);
    expect(preview.truncated).toBe(true);
    expect(describePreview(preview)).toBe('2+ files from 2 folders (their folders are kept)');
    const locked = await previewDrop([unreadable('locked')]);
    expect(locked.unreadable).toEqual(['locked']);
    expect(locked.files).toEqual([]);
  });

  it('describes plain files', async () => {
    expect(describePreview(await previewDrop([file('a.jpg')]))).toBe('1 file');
    expect(describePreview(await previewDrop([]))).toBe('0 files');
  });
});
