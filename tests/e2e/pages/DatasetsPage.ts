import type { Locator, Page } from 'playwright-core';

/** What one dataset card shows. */
export interface CardText {
  name: string;
  imageCount: string;
  annotationCount: string;
  progress: string;
  types: string;
  classes: string;
}

/** The datasets overview, and the simple dataset view behind a card. */
export class DatasetsPage {
  readonly root: Locator;
  readonly cards: Locator;
  readonly loading: Locator;
  readonly empty: Locator;
  readonly error: Locator;
  readonly retry: Locator;
  readonly refresh: Locator;
  readonly summary: Locator;
  readonly datasetView: Locator;
  readonly images: Locator;
  readonly datasetCount: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('datasets.screen');
    this.cards = page.getByTestId('datasets.card');
    this.loading = page.getByTestId('datasets.loading');
    this.empty = page.getByTestId('datasets.empty');
    this.error = page.getByTestId('datasets.error');
    this.retry = page.getByTestId('datasets.retry');
    this.refresh = page.getByTestId('datasets.refresh');
    this.summary = page.getByTestId('datasets.summary');
    this.datasetView = page.getByTestId('dataset.screen');
    this.images = page.getByTestId('dataset.image');
    this.datasetCount = page.getByTestId('browser.count');
  }

  async waitForCards(timeout = 60_000): Promise<void> {
    await this.cards.first().waitFor({ state: 'visible', timeout });
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByTestId('datasets.card.name').getByText(name, { exact: true }) });
  }

  async cardNames(): Promise<string[]> {
    return this.page.getByTestId('datasets.card.name').allInnerTexts();
  }

  async cardText(name: string): Promise<CardText> {
    const card = this.card(name);
    const read = async (id: string) =>
      (await card.getByTestId(`datasets.card.${id}`).innerText()).replace(/\s+/g, ' ').trim();
    return {
      name: await read('name'),
      imageCount: await read('imageCount'),
      annotationCount: await read('annotationCount'),
      progress: await read('progress'),
      types: await read('types'),
      classes: await read('classes'),
    };
  }

  async open(name: string): Promise<void> {
    await this.card(name).getByTestId('datasets.card.open').click();
    await this.datasetView.waitFor({ state: 'visible' });
  }

  async back(): Promise<void> {
    await this.page.getByTestId('dataset.back').click();
    await this.root.waitFor({ state: 'visible' });
  }

  async imageNames(): Promise<string[]> {
    return this.page.getByTestId('dataset.image.name').allInnerTexts();
  }

  /** How many thumbnails actually decoded (naturalWidth > 0), not just how many tiles exist. */
  async loadedThumbnailCount(): Promise<number> {
    return this.images
      .locator('img')
      .evaluateAll(
        (imgs) =>
          imgs.filter(
            (img) =>
              (img as unknown as { complete: boolean; naturalWidth: number }).complete &&
              (img as unknown as { naturalWidth: number }).naturalWidth > 0,
          ).length,
      );
  }
}
