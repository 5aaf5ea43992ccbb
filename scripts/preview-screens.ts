import { join } from 'node:path';
import type { LaunchedApp } from '../tests/e2e/harness';

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

  const firstCard = page.getByTestId('datasets.card').first();
  await firstCard.click();
  const datasetScreen = page.getByTestId('dataset.screen');
  if (await datasetScreen.waitFor({ timeout: 30_000 }).then(() => true, () => false)) {
    await page.waitForLoadState('networkidle').catch(() => {});
    await shoot('dataset');
  }
  return written;
}
