import type { Locator, Page } from 'playwright-core';

/** Settings → API keys. */
export class ApiKeysPage {
  readonly openSettings: Locator;
  readonly dialog: Locator;
  readonly close: Locator;
  readonly section: Locator;
  readonly unavailable: Locator;
  readonly unavailableReason: Locator;
  readonly name: Locator;
  readonly role: Locator;
  readonly create: Locator;
  readonly created: Locator;
  readonly createdSecret: Locator;
  readonly createdDone: Locator;
  readonly rows: Locator;
  readonly confirmRevoke: Locator;

  constructor(readonly page: Page) {
    this.openSettings = page.getByTestId('shell.settings');
    this.dialog = page.getByTestId('settings.dialog');
    this.close = page.getByTestId('settings.dialog.close');
    this.section = page.getByTestId('apiKeys.page');
    this.unavailable = page.getByTestId('apiKeys.unavailable');
    this.unavailableReason = page.getByTestId('apiKeys.unavailable.reason');
    this.name = page.getByTestId('apiKeys.name');
    this.role = page.getByTestId('apiKeys.role');
    this.create = page.getByTestId('apiKeys.create');
    this.created = page.getByTestId('apiKeys.created');
    this.createdSecret = page.getByTestId('apiKeys.created.secret');
    this.createdDone = page.getByTestId('apiKeys.created.done');
    this.rows = page.getByTestId('apiKeys.row');
    this.confirmRevoke = page.getByTestId('apiKeys.confirmRevoke');
  }

  async open(): Promise<void> {
    await this.openSettings.click();
    await this.dialog.waitFor({ state: 'visible' });
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('apiKeys.row.name').getByText(name) });
  }

  async rowNames(): Promise<string[]> {
    return this.page.getByTestId('apiKeys.row.name').allInnerTexts();
  }
}
