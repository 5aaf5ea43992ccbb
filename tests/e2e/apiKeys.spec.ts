import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../../shared/api';
import { startTestServer } from '../support/server';
import type { TestServer } from '../support/server';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { ApiKeysPage } from './pages/ApiKeysPage';
import { ShellPage } from './pages/ShellPage';

/** Settings → API keys against a real pictograph-local: create (shown once), list, revoke; roles. */
describe('API keys page', () => {
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

  async function keysPage(apiKey: string): Promise<ApiKeysPage> {
    app = await launchApp({ serverUrl: server.url, apiKey });
    await new ShellPage(app.page).waitUntilShown();
    const page = new ApiKeysPage(app.page);
    await page.open();
    return page;
  }

  const serverKeys = async (): Promise<ApiKeyRecord[]> =>
    (await (
      await fetch(`${server.url}/api/v1/api-keys/?limit=1000`, { headers: { 'X-API-Key': server.keys.owner } })
    ).json()) as ApiKeyRecord[];

  /** Every file under a folder, read as text (to prove a secret was written nowhere). */
  async function allText(dir: string): Promise<string> {
    let out = '';
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) out += await readFile(join(entry.parentPath, entry.name), 'latin1');
    }
    return out;
  }

  it('an admin creates a key (shown once, with copy), sees it listed, and revokes it after confirming', async () => {
    const page = await keysPage(server.keys.admin);
    await page.rows.first().waitFor();
    const listed = await serverKeys();
    const visible = listed.filter((k) => k.role !== 'owner');
    expect((await page.rowNames()).length).toBe(visible.length);
    // An admin is offered only roles up to its own.
    expect(await page.role.locator('option').allInnerTexts()).toEqual(['admin', 'member', 'viewer']);

    await page.name.fill('CI pipeline');
    await page.role.selectOption('viewer');
    await page.create.click();
    await page.created.waitFor();
    const secret = (await page.createdSecret.innerText()).trim();
    expect(secret).toMatch(/^pk_live_/);
    expect(await app!.page.getByTestId('apiKeys.created.copy').count()).toBe(1);
    const created = (await serverKeys()).find((k) => k.name === 'CI pipeline')!;
    expect(created).toMatchObject({ role: 'viewer', key_prefix: secret.slice(0, 12) });

    // Shown once: after "I have copied it" the secret is gone from the page, and the app kept it nowhere.
    await page.createdDone.click();
    await page.created.waitFor({ state: 'detached' });
    expect(await app!.page.content()).not.toContain(secret);
    expect(await allText(app!.userDataDir)).not.toContain(secret);
    expect(app!.logs.join('\n')).not.toContain(secret);
    expect(JSON.stringify(app!.events)).not.toContain(secret);

    const row = page.row('CI pipeline');
    expect((await row.getByTestId('apiKeys.row.prefix').innerText()).trim()).toBe(`${created.key_prefix}…`);
    expect(await row.getByTestId('apiKeys.row.role').innerText()).toBe('viewer');
    expect(await row.innerText()).toContain('never');

    await row.getByTestId('apiKeys.row.revoke').click();
    await page.confirmRevoke.waitFor();
    await app!.page.keyboard.press('Escape');
    await page.confirmRevoke.waitFor({ state: 'detached' });
    expect((await serverKeys()).some((k) => k.id === created.id)).toBe(true);

    await row.getByTestId('apiKeys.row.revoke').click();
    await app!.page.getByTestId('apiKeys.confirmRevoke.confirm').click();
    await row.waitFor({ state: 'detached' });
    expect((await serverKeys()).some((k) => k.id === created.id)).toBe(false);
    const refused = await fetch(`${server.url}/api/v1/developer/datasets/`, { headers: { 'X-API-Key': secret } });
    expect(refused.status).toBe(401);
  });

  it('a blank name is refused before sending; the settings dialog traps focus and Escape closes it', async () => {
    const page = await keysPage(server.keys.owner);
    await page.rows.first().waitFor();
    const before = (await serverKeys()).length;
    await page.name.fill('   ');
    await page.create.click();
    expect(await app!.page.getByTestId('apiKeys.problem.name').innerText()).toBe('A key name cannot be only spaces.');
    expect((await serverKeys()).length).toBe(before);

    // Tab from the last control wraps to the first, inside the dialog.
    const inside = async () =>
      app!.page.evaluate(() => document.activeElement?.closest('[data-testid="settings.dialog"]') !== null);
    for (let i = 0; i < 25; i += 1) {
      await app!.page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    await app!.page.keyboard.press('Escape');
    await page.dialog.waitFor({ state: 'detached' });
    expect(await app!.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('shell.settings');
  });

  it('a member key sees the page unavailable, with the reason, and no key controls', async () => {
    const page = await keysPage(server.keys.member);
    await page.unavailable.waitFor();
    expect(await page.unavailableReason.innerText()).toBe(
      'Managing API keys needs the owner or admin role; this key has the member role.',
    );
    expect(await page.rows.count()).toBe(0);
    expect(await page.name.count()).toBe(0);
  });
});
