import type { Locator, Page } from 'playwright-core';

/** The signed-in frame: top bar (workspace, connection state, quota, sign out) and notices. */
export class ShellPage {
  readonly root: Locator;
  readonly workspaceName: Locator;
  readonly connectionState: Locator;
  readonly rateLimit: Locator;
  readonly rateLimitValue: Locator;
  readonly signOutButton: Locator;
  readonly sessionOnlyNotice: Locator;
  readonly themeToggle: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('shell');
    this.workspaceName = page.getByTestId('shell.workspace.name');
    this.connectionState = page.getByTestId('shell.connectionState');
    this.rateLimit = page.getByTestId('shell.rateLimit');
    this.rateLimitValue = page.getByTestId('shell.rateLimit.value');
    this.signOutButton = page.getByTestId('shell.signOut');
    this.sessionOnlyNotice = page.getByTestId('shell.sessionOnlyNotice');
    this.themeToggle = page.getByTestId('theme.toggle');
  }

  async waitUntilShown(timeout = 60_000): Promise<void> {
    await this.root.waitFor({ state: 'visible', timeout });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }

  async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }
}
