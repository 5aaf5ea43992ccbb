import type { Locator, Page } from 'playwright-core';

/** The dataset browser: filters, folders, the virtual grid or list, counts and indexing. */
export class BrowserPage {
  readonly root: Locator;
  readonly grid: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly count: Locator;
  readonly filename: Locator;
  readonly confidence: Locator;
  readonly classFilter: Locator;
  readonly sort: Locator;
  readonly sortDirection: Locator;
  readonly gridButton: Locator;
  readonly listButton: Locator;
  readonly noMatches: Locator;
  readonly clearFiltersEmpty: Locator;
  readonly empty: Locator;
  readonly loading: Locator;
  readonly folders: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dataset.screen');
    this.grid = page.getByTestId('browser.grid');
    this.list = page.getByTestId('browser.list');
    this.items = page.getByTestId('dataset.image');
    this.count = page.getByTestId('browser.count');
    this.filename = page.getByTestId('browser.filter.filename');
    this.confidence = page.getByTestId('browser.filter.confidence');
    this.classFilter = page.getByTestId('browser.filter.class');
    this.sort = page.getByTestId('browser.sort');
    this.sortDirection = page.getByTestId('browser.sort.direction');
    this.gridButton = page.getByTestId('browser.view.grid');
    this.listButton = page.getByTestId('browser.view.list');
    this.noMatches = page.getByTestId('browser.noMatches');
    this.clearFiltersEmpty = page.getByTestId('browser.clearFilters.empty');
    this.empty = page.getByTestId('dataset.empty');
    this.loading = page.getByTestId('dataset.loading');
    this.folders = page.getByTestId('browser.folder');
  }

  /** The grid or list, whichever is shown. */
  view(): Locator {
    return this.page.locator('[data-testid="browser.grid"], [data-testid="browser.list"]');
  }

  async waitForItems(timeout = 60_000): Promise<void> {
    await this.items.first().waitFor({ state: 'visible', timeout });
  }

  statusChip(status: 'new' | 'in_progress' | 'complete'): Locator {
    return this.page.getByTestId(`browser.filter.status.${status}`);
  }

  folder(path: string): Locator {
    return this.page.locator(`[data-testid="browser.folder"][data-path="${path}"]`);
  }

  /** Filenames of the rendered items in on-screen order (index order). */
  async visibleNames(): Promise<string[]> {
    const rows = await this.items.evaluateAll((elements) =>
      elements.map((element) => ({
        index: Number(element.getAttribute('data-index')),
        name: element.querySelector('[data-testid="dataset.image.name"]')?.textContent ?? '',
      })),
    );
    return rows.sort((a, b) => a.index - b.index).map((row) => row.name);
  }

  /** Index of the keyboard's current item (from aria-activedescendant). */
  async activeIndex(): Promise<number | null> {
    const id = await this.view().getAttribute('aria-activedescendant');
    const match = id ? /-item-(\d+)$/.exec(id) : null;
    return match ? Number(match[1]) : null;
  }

  async activeImageId(): Promise<string | null> {
    const id = await this.view().getAttribute('aria-activedescendant');
    if (!id) return null;
    return this.page.locator(`[id="${id}"]`).getAttribute('data-image-id');
  }

  async countText(): Promise<string> {
    return (await this.count.innerText()).trim();
  }

  /** How many thumbnails decoded (naturalWidth > 0). */
  async loadedThumbnails(): Promise<number> {
    return this.items.locator('img').evaluateAll(
      (imgs) =>
        imgs.filter((img) => {
          const image = img as unknown as { complete: boolean; naturalWidth: number };
          return image.complete && image.naturalWidth > 0;
        }).length,
    );
  }

  async scrollTo(top: number): Promise<void> {
    await this.view().evaluate((element, y) => {
      (element as unknown as { scrollTop: number }).scrollTop = y;
    }, top);
  }
}
