import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { LaunchedApp } from '../tests/e2e/harness';

/**
 * Photographs issue 11's screens in the demo workspace: the exports panel (one export downloaded),
 * the upload queue of "Inbox" (good photos and one that is not an image), and Settings → API keys.
 * The "native" pickers answer with files made here, in a temporary folder.
 */
export async function captureTransferScreens(app: LaunchedApp, shoot: (name: string) => Promise<void>): Promise<void> {
  const { page } = app;
  const dir = await mkdtemp(join(tmpdir(), 'pictograph-preview-'));
  // "Export ready" notes leave on their own; the photos should not wait for them.
  const shootClear = async (name: string) => {
    for (const dismiss of await page.getByTestId('note.dismiss').all()) {
      // A note may leave on its own meanwhile.
      await dismiss.click({ timeout: 1_000 }).catch(() => undefined);
    }
    await shoot(name);
  };
  const toDatasets = async () => {
    const crumb = page.getByTestId('shell.crumb.datasets');
    if ((await crumb.count()) > 0) await crumb.click();
    await page.getByTestId('datasets.screen').waitFor({ timeout: 30_000 });
  };
  const openDataset = async (name: string) => {
    await toDatasets();
    const card = page.getByTestId('datasets.card').filter({ hasText: name });
    if ((await card.count()) === 0) return false;
    await card.first().getByTestId('datasets.card.open').click();
    await page.getByTestId('dataset.screen').waitFor({ timeout: 30_000 });
    return true;
  };

  if (await openDataset('Street scenes')) {
    app.desktop.pickFolder = dir;
    await page.getByTestId('exports.open').click();
    await page.getByTestId('exports.name').fill('street-coco');
    await page.getByTestId('exports.format').selectOption('coco');
    await page.getByTestId('exports.create').click();
    const row = page.locator('[data-testid="exports.row"][data-status="completed"]').first();
    await row.waitFor({ timeout: 60_000 });
    await row.getByTestId('exports.row.download').click();
    await row.getByTestId('exports.row.saved').waitFor({ timeout: 60_000 });
    await page.getByTestId('exports.name').fill('street-yolo');
    await shootClear('exports-panel');
    await page.keyboard.press('Escape');
  }

  if (await openDataset('Inbox')) {
    const files: string[] = [];
    for (const [n, shade] of [40, 120, 200].entries()) {
      const file = join(dir, `field-photo-${n + 1}.jpg`);
      await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: shade, g: 140, b: 90 } } })
        .jpeg()
        .toFile(file);
      files.push(file);
    }
    const notImage = join(dir, 'notes.jpg');
    await writeFile(notImage, 'meeting notes, not a photo\n');
    files.push(notImage);
    app.desktop.pickFiles = files;
    await page.getByTestId('uploads.addFiles').click();
    await page.getByTestId('uploads.draft.start').click();
    await page
      .locator('[data-testid="uploads.item"][data-state="done"]')
      .nth(2)
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined);
    await page
      .locator('[data-testid="dataset.screen"] img')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    await shootClear('upload-queue');
  }

  await page.getByTestId('shell.settings').click();
  await page
    .getByTestId('apiKeys.row')
    .or(page.getByTestId('apiKeys.unavailable'))
    .first()
    .waitFor({ timeout: 30_000 });
  await shootClear('settings-api-keys');
  await page.keyboard.press('Escape');
}
