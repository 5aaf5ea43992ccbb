import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { ConnectPage } from './pages/ConnectPage';
import { DatasetsPage } from './pages/DatasetsPage';
import { ShellPage } from './pages/ShellPage';

/** A loopback port nothing listens on: bound once to learn a free number, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('connect screen', () => {
  let server: TestServer;
  let app: LaunchedApp | undefined;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function open(): Promise<{ app: LaunchedApp; connect: ConnectPage }> {
    app = await launchApp();
    const connect = new ConnectPage(app.page);
    await connect.waitUntilShown();
    return { app, connect };
  }

  it('opens on the connect screen, dark, with the demo and the form ready', async () => {
    const { app, connect } = await open();
    expect(await connect.demo.isVisible()).toBe(true);
    expect(await connect.submit.isEnabled()).toBe(true);
    expect(await connect.apiKey.getAttribute('type')).toBe('password');
    expect(await new ShellPage(app.page).theme()).toBe('dark');
    expect(await app.page.getByTestId('connect.version').innerText()).toContain('Pictograph Review');

    await connect.apiKey.fill('pk_live_secret');
    await connect.apiKeyToggle.click();
    expect(await connect.apiKey.getAttribute('type')).toBe('text');
    await connect.apiKeyToggle.click();
    expect(await connect.apiKey.getAttribute('type')).toBe('password');

    // The session-only notice appears exactly when main says no keychain is available.
    const status = await app.api.connection.status();
    expect(status.ok).toBe(true);
    const sessionOnly = status.ok && status.value.keyStorage === 'session-only';
    expect(await connect.sessionOnlyNotice.isVisible()).toBe(sessionOnly);
    expect(app.logs.filter((line) => line.startsWith('pageerror'))).toEqual([]);
  });

  it('shows a wrong key with the message, code, HTTP status and request id', async () => {
    const { app, connect } = await open();
    const wrongKey = `pk_live_${'x'.repeat(43)}`;
    await connect.connect(server.url, wrongKey);
    const shown = await connect.shownError();
    expect(shown.title).toBe('The API key was not accepted');
    expect(shown.code).toBe('invalid_api_key');
    expect(shown.http).toBe('401');
    expect(shown.requestId).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
    expect(shown.message.length).toBeGreaterThan(0);
    expect(await connect.root.isVisible()).toBe(true);
    // The typed key stays for correcting, and the connect button is usable again.
    expect(await connect.apiKey.inputValue()).toBe(wrongKey);
    expect(await connect.submit.isEnabled()).toBe(true);
    // The key never appears in what the page shows.
    expect(await app.page.locator('body').innerText()).not.toContain(wrongKey);
  });

  it('warns about a key that does not look like a Pictograph key before sending it', async () => {
    const { connect } = await open();
    await connect.chooseCustomServer(server.url);
    await connect.apiKey.fill('pk_live_tooShort');
    await connect.apiKey.blur();
    expect(await connect.apiKeyHint.innerText()).toMatch(/43 characters/);
  });

  it('explains an unreachable server precisely', async () => {
    const { connect } = await open();
    const port = await closedPort();
    await connect.connect(`http://127.0.0.1:${port}`, server.keys.member);
    const shown = await connect.shownError();
    expect(shown.title).toBe('Could not reach the server');
    expect(shown.code).toBe('network');
    expect(shown.http).toBeNull();
    expect(shown.message).toContain(`127.0.0.1:${port}`);
  });

  it('catches a malformed address without calling the server', async () => {
    const { app, connect } = await open();
    await connect.connect('ftp://files.example.com', server.keys.member);
    const shown = await connect.shownError(5_000);
    expect(shown.code).toBe('bad_url');
    expect(shown.message).toMatch(/Only http/);
    expect(await connect.baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(app.events.filter((e) => e.name === 'event:connection')).toEqual([]);
  });

  it('shows when to retry once the key has used up its hourly quota', async () => {
    const created = await fetch(`${server.url}/api/v1/api-keys/`, {
      method: 'POST',
      headers: { 'X-API-Key': server.keys.owner, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'tiny quota', role: 'member', rate_limit: 1 }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const spend = await fetch(`${server.url}/api/v1/developer/datasets/?limit=1`, { headers: { 'X-API-Key': key } });
    expect(spend.status).toBe(200);

    const { connect } = await open();
    await connect.connect(server.url, key);
    const shown = await connect.shownError();
    expect(shown.code).toBe('rate_limited');
    expect(shown.http).toBe('429');
    // At most the hour-long window; a reset given in whole seconds may round up to "1 h 1 min".
    expect(shown.retryAfter).toMatch(/^(\d+ (s|min)|1 h( 1 min)?)$/);
    expect(await connect.error.innerText()).toMatch(/Try again in/);
  });

  it('connects with a member key (Enter submits), then signing out returns to connect', async () => {
    const { app, connect } = await open();
    await connect.connect(server.url, server.keys.member);
    const shell = new ShellPage(app.page);
    await shell.waitUntilShown();
    expect(await shell.connectionState.getAttribute('data-state')).toBe('connected');
    expect((await shell.workspaceName.innerText()).length).toBeGreaterThan(0);
    await new DatasetsPage(app.page).waitForCards();
    // Quota is read from the API's headers once requests have been made.
    await expect.poll(() => shell.rateLimitValue.count(), { timeout: 10_000 }).toBe(1);
    expect(await shell.rateLimitValue.innerText()).toMatch(/^[\d,]+ \/ 5,000$/);

    const status = await app.api.connection.status();
    const profileId = status.ok ? status.value.profile?.id : undefined;
    expect(profileId).toBeTruthy();

    await shell.signOut();
    await connect.waitUntilShown();
    expect(await connect.error.count()).toBe(0);
    // The profile stays listed, but its key is gone: picking it asks for a key again.
    const row = connect.profile(profileId!);
    await row.waitFor();
    expect(await row.innerText()).toContain('Key needed');
    await row.click();
    expect(await connect.baseUrl.inputValue()).toBe(server.url);
    await expect
      .poll(() =>
        connect.apiKey.evaluate(
          (el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement,
        ),
      )
      .toBe(true);
  });

  it('tells a viewer-key user up front that the workspace is read-only', async () => {
    const { app, connect } = await open();
    await connect.connect(server.url, server.keys.viewer);
    const shell = new ShellPage(app.page);
    await shell.waitUntilShown();
    const notice = app.page.getByTestId('shell.readOnlyNotice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/viewer key[\s\S]*member role/);
    // A member key shows no such notice.
    await shell.signOut();
    await connect.waitUntilShown();
    await connect.connect(server.url, server.keys.member);
    await shell.waitUntilShown();
    await new DatasetsPage(app.page).waitForCards();
    expect(await app.page.getByTestId('shell.readOnlyNotice').count()).toBe(0);
  });
});
