import type { Locator, Page } from 'playwright-core';

/** The status bar's sync indicator, its details, the conflicts dialog and the "Available offline" toggles. */
export class SyncPage {
  readonly indicator: Locator;
  readonly details: Locator;
  readonly syncNow: Locator;
  readonly openConflicts: Locator;
  readonly conflictsDialog: Locator;
  readonly conflictItems: Locator;
  readonly resolver: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('sync.indicator');
    this.details = page.getByTestId('sync.details');
    this.syncNow = page.getByTestId('sync.syncNow');
    this.openConflicts = page.getByTestId('sync.openConflicts');
    this.conflictsDialog = page.getByTestId('conflicts.dialog');
    this.conflictItems = page.getByTestId('conflicts.item');
    this.resolver = page.getByTestId('resolver');
  }

  /** The toggle inside a dataset card (or the browser's toolbar when `scope` is the page). */
  offlineToggle(scope: Locator): Locator {
    return scope.getByTestId('offline.toggle');
  }

  async indicatorText(): Promise<string> {
    return (await this.indicator.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Opens the conflicts dialog from the indicator's details. */
  async openConflictsDialog(): Promise<void> {
    if (!(await this.details.isVisible())) await this.indicator.click();
    await this.openConflicts.click();
    await this.conflictsDialog.waitFor({ state: 'visible' });
  }

  /** Selects the conflict of one image and waits for its resolver (both sides drawn). */
  async chooseConflict(imageId: string): Promise<void> {
    await this.conflictItems.and(this.page.locator(`[data-image-id="${imageId}"]`)).click();
    await this.page.locator(`[data-testid="resolver"]`).waitFor({ state: 'visible' });
  }
}
