import { join } from 'node:path';
import type { LaunchedApp } from '../tests/e2e/harness';
import { captureTransferScreens } from './preview-transfers';

/**
 * Walks the app like a first-time user and photographs each screen: connect, then the demo
 * workspace's datasets, then the first dataset. Returns the files written.
 */
export async function captureScreens(app: LaunchedApp, outDir: string): Promise<string[]> {
  const { page } = app;
  const written: string[] = [];
  const shoot = async (name: string) => {
    const file = join(outDir, `${name}.png`);
    await page.waitForTimeout(300); // let transitions settle
    await page.screenshot({ path: file });
    written.push(file);
  };

  await page.getByTestId('connect.screen').waitFor();
  await shoot('connect');

  await page.getByTestId('connect.demo').click();
  await page.getByTestId('datasets.screen').waitFor({ timeout: 180_000 });
  await page.getByTestId('datasets.card').first().waitFor({ timeout: 60_000 });
  await shoot('datasets');

  // The street scenes read best as a first look; any dataset will do where they are missing.
  const cards = page.getByTestId('datasets.card');
  const street = cards.filter({ hasText: 'Street scenes' });
  await ((await street.count()) > 0 ? street.first() : cards.first()).click();
  const datasetScreen = page.getByTestId('dataset.screen');
  if (
    await datasetScreen.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    )
  ) {
    // Thumbnails are asked for once their tiles settle: wait for the first <img> before waiting for all.
    await page
      .locator('[data-testid="dataset.screen"] img')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    await waitForThumbnails(app, 60_000);
    await shoot('dataset');
    await captureBrowserViews(app, shoot);
    await captureViewerScreens(app, shoot);
    await captureTransferScreens(app, shoot);
  }
  return written;
}

/** Waits until every thumbnail in view has decoded (or the time is up: a screenshot is still useful). */
async function waitForThumbnails(app: LaunchedApp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pending = await app.page.evaluate(
      () =>
        Array.from(document.querySelectorAll('[data-testid="dataset.screen"] img')).filter((img) => {
          const image = img as HTMLImageElement;
          const box = image.getBoundingClientRect();
          return box.top < window.innerHeight && !(image.complete && image.naturalWidth > 0);
        }).length,
    );
    if (pending === 0) return;
    await app.page.waitForTimeout(250);
  }
}

/**
 * The dataset browser in grid and list, in both themes (the theme switched through its shortcut,
 * like a user would). Leaves the app as it found it: dark, grid.
 */
async function captureBrowserViews(app: LaunchedApp, shoot: (name: string) => Promise<void>): Promise<void> {
  const { page } = app;
  const theme = () => page.locator('html').getAttribute('data-theme');
  const setTheme = async (wanted: 'dark' | 'light') => {
    if ((await theme()) !== wanted) await page.keyboard.press('Shift+T');
    await page.waitForFunction((t) => document.documentElement.dataset.theme === t, wanted);
  };
  const setView = async (view: 'grid' | 'list') => {
    await page.getByTestId(`browser.view.${view}`).click();
    await page.getByTestId(`browser.${view}`).waitFor();
    await page.locator(`[data-testid="browser.${view}"] img`).first().waitFor({ timeout: 30_000 });
    await waitForThumbnails(app, 30_000);
  };
  for (const wanted of ['dark', 'light'] as const) {
    await setTheme(wanted);
    await setView('grid');
    await page.getByTestId('browser.grid').focus();
    await page.keyboard.press('ArrowRight');
    await shoot(`browser-grid-${wanted}`);
    await setView('list');
    await shoot(`browser-list-${wanted}`);
  }
  await setTheme('dark');
  await setView('grid');
}

/**
 * The viewer on a street scene and on an aerial tile with thousands of polygons, in both themes.
 * Starts on the street scenes' browser; leaves the app on the aerial tile, dark.
 */
async function captureViewerScreens(app: LaunchedApp, shoot: (name: string) => Promise<void>): Promise<void> {
  const { page } = app;
  const crisp = (timeout: number) =>
    page.waitForFunction(
      () => {
        const data = (document.querySelector('[data-testid="viewer.canvas"]') as HTMLElement | null)?.dataset;
        return data?.drawMode === 'crisp' && data.drawnId === data.contentId;
      },
      null,
      { timeout },
    );
  const bothThemes = async (name: string) => {
    for (const wanted of ['dark', 'light'] as const) {
      if ((await page.locator('html').getAttribute('data-theme')) !== wanted) await page.keyboard.press('Shift+T');
      await page.waitForFunction((t) => document.documentElement.dataset.theme === t, wanted);
      await shoot(`${name}-${wanted}`);
    }
    await page.keyboard.press('Shift+T');
  };
  // The third frame: a busy street with boxes, polygons and predictions.
  await page.getByTestId('dataset.image').nth(2).click();
  await page.getByTestId('viewer.canvas').waitFor({ timeout: 30_000 });
  await crisp(60_000);
  await bothThemes('viewer-street');
  await editorShot(app, shoot, 'editor-street-selection');

  await page.keyboard.press('Escape');
  await page.getByTestId('dataset.screen').waitFor();
  await page.keyboard.press('Escape');
  const aerial = page.getByTestId('datasets.card').filter({ hasText: 'Aerial tiles' });
  if ((await aerial.count()) === 0) return;
  await aerial.first().getByTestId('datasets.card.open').click();
  await page.getByTestId('dataset.image').first().click({ timeout: 60_000 });
  await page.getByTestId('viewer.canvas').waitFor({ timeout: 30_000 });
  await crisp(120_000);
  await bothThemes('viewer-aerial');
  await editorShot(app, shoot, 'editor-aerial-10k');
}

/**
 * The editor (issue 9): the first annotation of the list selected (outline and handles on the live
 * layer, its row highlighted) with the annotation list beside it. Escape drops the selection again,
 * so the walk goes on as before.
 */
async function editorShot(app: LaunchedApp, shoot: (name: string) => Promise<void>, name: string): Promise<void> {
  const { page } = app;
  const row = page.getByTestId('editor.list.row').first();
  if (
    !(await row.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    ))
  )
    return;
  await row.click();
  await page.getByTestId('viewer.canvas').focus();
  await shoot(name);
  await page.keyboard.press('Escape');
}
