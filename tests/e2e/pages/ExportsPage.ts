import type { Locator, Page } from 'playwright-core';

/** The exports panel of a dataset (opened from the browser's toolbar). */
export class ExportsPage {
  readonly openButton: Locator;
  readonly panel: Locator;
  readonly close: Locator;
  readonly name: Locator;
  readonly format: Locator;
  readonly status: Locator;
  readonly includeImages: Locator;
  readonly allClasses: Locator;
  readonly create: Locator;
  readonly rows: Locator;
  readonly notes: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId('exports.open');
    this.panel = page.getByTestId('exports.panel');
    this.close = page.getByTestId('exports.panel.close');
    this.name = page.getByTestId('exports.name');
    this.format = page.getByTestId('exports.format');
    this.status = page.getByTestId('exports.status');
    this.includeImages = page.getByTestId('exports.includeImages');
    this.allClasses = page.getByTestId('exports.classes.all');
    this.create = page.getByTestId('exports.create');
    this.rows = page.getByTestId('exports.row');
    this.notes = page.getByTestId('note');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await this.panel.waitFor({ state: 'visible' });
  }

  problem(field: string): Locator {
    return this.page.getByTestId(`exports.problem.${field}`);
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('exports.row.name').getByText(name, { exact: true }) });
  }

  async createExport(options: { name: string; format: string; includeImages?: boolean }): Promise<Locator> {
    await this.name.fill(options.name);
    await this.format.selectOption(options.format);
    if (options.includeImages) await this.includeImages.check();
    await this.create.click();
    const row = this.row(options.name);
    await row.waitFor({ state: 'visible' });
    return row;
  }

  /** Waits for the row to reach a final state (main's follow pushes it) and answers which. */
  async settled(row: Locator, timeout = 60_000): Promise<string> {
    await row.and(this.page.locator('[data-status="completed"], [data-status="failed"]')).waitFor({ timeout });
    return (await row.getAttribute('data-status')) ?? '';
  }

  /** Downloads a completed export into the folder the harness's picker answers; the saved path. */
  async download(row: Locator, timeout = 60_000): Promise<string> {
    await row.getByTestId('exports.row.download').click();
    const saved = row.getByTestId('exports.row.saved');
    await saved.waitFor({ timeout });
    return (await saved.locator('.mono').innerText()).trim();
  }
}
