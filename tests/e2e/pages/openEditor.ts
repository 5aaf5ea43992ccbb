import type { LaunchedApp } from '../harness';
import { DatasetsPage } from './DatasetsPage';
import { EditorPage } from './EditorPage';
import { ShellPage } from './ShellPage';
import { ViewerPage } from './ViewerPage';

/** Opens one image of a dataset in the editor and waits until it is drawn crisp and editable. */
export async function openEditor(app: LaunchedApp, dataset: string, imageId: string): Promise<EditorPage> {
  await new ShellPage(app.page).waitUntilShown();
  const datasets = new DatasetsPage(app.page);
  await datasets.waitForCards();
  await datasets.open(dataset);
  const tile = app.page.locator(`[data-testid="dataset.image"][data-image-id="${imageId}"]`);
  const viewer = app.page.locator(`[data-testid="viewer"][data-image-id="${imageId}"]`);
  // One click: tiles are keyed by image id, so a row re-dealt under the pointer still opens this image
  // (browser-return.spec holds that).
  await tile.click();
  await viewer.waitFor({ timeout: 30_000 });
  await new ViewerPage(app.page).waitForCrisp({ imageId, timeout: 60_000 });
  const editor = new EditorPage(app.page);
  await editor.tool('select').waitFor();
  return editor;
}
