import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../../../../shared/api';
import { createDialogHandlers, exportReadyNotifier } from '../../../../../electron/ipc/handlers/dialogs';
import type { DesktopHooks } from '../../../../../electron/ipc/handlers/dialogs';

const ctx = { senderUrl: 'app://pictograph/index.html' };
let dir: string;
let downloaded: string;

/** The OS side, recorded: the part of the desktop a test cannot drive for real. */
function recordingDesktop(answers: { folder?: string | null; files?: string[] | null } = {}) {
  const shown: string[] = [];
  const notes: { title: string; body: string }[] = [];
  const desktop: DesktopHooks = {
    pickFolder: () => Promise.resolve(answers.folder ?? null),
    pickFiles: () => Promise.resolve(answers.files ?? null),
    showItem: (path) => shown.push(path),
    notify: (note) => notes.push(note),
  };
  return { desktop, shown, notes };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialogs-'));
  downloaded = join(dir, 'street-scenes-coco.zip');
  await writeFile(downloaded, 'PK');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dialog handlers', () => {
  it('pass on an absolute folder, and answer null for a cancel or a relative path', async () => {
    const cases: [string | null, unknown][] = [
      [dir, { path: dir }],
      [null, null],
      ['relative/folder', null],
      ['', null],
    ];
    for (const [folder, expected] of cases) {
      const handlers = createDialogHandlers({
        desktop: recordingDesktop({ folder }).desktop,
        downloadedPaths: () => [],
      });
      expect(await handlers['dialog:pickFolder']({ purpose: 'export' }, ctx)).toEqual({ ok: true, value: expected });
    }
  });

  it('keep only absolute picked files; none left is a cancel', async () => {
    const mixed = createDialogHandlers({
      desktop: recordingDesktop({ files: ['/a/b.jpg', 'c.jpg', ''] }).desktop,
      downloadedPaths: () => [],
    });
    expect(await mixed['dialog:pickFiles']({ purpose: 'upload' }, ctx)).toEqual({
      ok: true,
      value: { paths: ['/a/b.jpg'] },
    });
    const none = createDialogHandlers({
      desktop: recordingDesktop({ files: ['x.jpg'] }).desktop,
      downloadedPaths: () => [],
    });
    expect(await none['dialog:pickFiles']({ purpose: 'upload' }, ctx)).toEqual({ ok: true, value: null });
  });

  it('show in folder only what the app downloaded, and only while it is still there', async () => {
    const { desktop, shown } = recordingDesktop();
    const handlers = createDialogHandlers({ desktop, downloadedPaths: () => [downloaded] });
    expect(await handlers['shell:showItem']({ path: downloaded }, ctx)).toEqual({ ok: true, value: { shown: true } });
    expect(shown).toEqual([downloaded]);

    // The same file named another way still resolves to it; anything else is refused.
    expect(await handlers['shell:showItem']({ path: join(dir, '.', 'street-scenes-coco.zip') }, ctx)).toMatchObject({
      ok: true,
    });
    for (const path of [join(dir, 'other.zip'), dir, 'street-scenes-coco.zip', '/etc/passwd']) {
      await expect(handlers['shell:showItem']({ path }, ctx)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await rm(downloaded);
    await expect(handlers['shell:showItem']({ path: downloaded }, ctx)).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no longer there'),
    });
    expect(shown).toHaveLength(2);
  });
});

describe('exportReadyNotifier', () => {
  const record = (patch: Partial<ExportRecord>): ExportRecord =>
    ({ id: 'e1', name: 'nightly', dataset_name: 'Street Scenes', status: 'pending', ...patch }) as ExportRecord;

  it('tells the OS once per export, and only when it completed', () => {
    const { desktop, notes } = recordingDesktop();
    const notify = exportReadyNotifier(desktop);
    notify(record({ status: 'processing' }));
    notify(record({ status: 'failed' }));
    expect(notes).toEqual([]);
    notify(record({ status: 'completed' }));
    notify(record({ status: 'completed' }));
    notify(record({ id: 'e2', name: 'coco', status: 'completed' }));
    expect(notes).toEqual([
      { title: 'Export ready', body: '"nightly" of Street Scenes can be downloaded.' },
      { title: 'Export ready', body: '"coco" of Street Scenes can be downloaded.' },
    ]);
  });
});
