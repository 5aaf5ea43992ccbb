import type { Locator, Page } from 'playwright-core';

/** What the connect screen's error panel shows, read back for assertions. */
export interface ShownError {
  title: string;
  message: string;
  code: string | null;
  http: string | null;
  requestId: string | null;
  retryAfter: string | null;
}

/** The connect screen, driven the way a person would: fields, Enter, buttons. */
export class ConnectPage {
  readonly root: Locator;
  readonly demo: Locator;
  readonly baseUrl: Locator;
  readonly apiKey: Locator;
  readonly apiKeyToggle: Locator;
  readonly apiKeyHint: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly sessionOnlyNotice: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('connect.screen');
    this.demo = page.getByTestId('connect.demo');
    this.baseUrl = page.getByTestId('connect.baseUrl');
    this.apiKey = page.getByTestId('connect.apiKey');
    this.apiKeyToggle = page.getByTestId('connect.apiKey.toggle');
    this.apiKeyHint = page.getByTestId('connect.apiKey.hint');
    this.submit = page.getByTestId('connect.submit');
    this.error = page.getByTestId('connect.error');
    this.sessionOnlyNotice = page.getByTestId('connect.sessionOnlyNotice');
  }

  async waitUntilShown(timeout = 20_000): Promise<void> {
    await this.root.waitFor({ state: 'visible', timeout });
  }

  async chooseCustomServer(url: string): Promise<void> {
    await this.page.getByTestId('connect.server.custom').click();
    await this.baseUrl.fill(url);
  }

  async chooseCloud(): Promise<void> {
    await this.page.getByTestId('connect.server.cloud').click();
  }

  /** Fills server and key and presses Enter in the key field (keyboard-first). */
  async connect(url: string, apiKey: string): Promise<void> {
    await this.chooseCustomServer(url);
    await this.apiKey.fill(apiKey);
    await this.apiKey.press('Enter');
  }

  profile(id: string): Locator {
    return this.page.getByTestId(`connect.profile.${id}`);
  }

  /** Waits for the error panel and reads what it says. */
  async shownError(timeout = 60_000): Promise<ShownError> {
    await this.error.waitFor({ state: 'visible', timeout });
    const text = async (id: string) => {
      const locator = this.page.getByTestId(`connect.error.${id}`);
      return (await locator.count()) > 0 ? (await locator.first().innerText()).trim() : null;
    };
    return {
      title: (await text('title')) ?? '',
      message: (await text('message')) ?? '',
      code: await text('code'),
      http: await text('http'),
      requestId: await text('request-id'),
      retryAfter: await text('retry-after'),
    };
  }
}
