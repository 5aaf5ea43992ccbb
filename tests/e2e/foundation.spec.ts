import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { launchApp, HARNESS_ORIGIN } from './harness';
import type { Frame, Page } from 'playwright-core';
import type { LaunchedApp } from './harness';

/**
 * The foundation end to end: the real renderer build in Chromium, the real router and handlers
 * behind exposeBinding, the same createApi as the Electron preload.
 */
describe('foundation', () => {
  let app: LaunchedApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the connect screen', async () => {
    await app.page.getByTestId('connect.screen').waitFor();
    await expect(app.page.title()).resolves.toMatch(/Pictograph Review/);
    expect(await app.page.getByTestId('connect.demo').isVisible()).toBe(true);
  });

  it('round-trips a call through the real router, from the page and from the test bridge', async () => {
    const fromPage = await app.page.evaluate(() =>
      (globalThis as unknown as { api: { app: { info(): Promise<unknown> } } }).api.app.info(),
    );
    expect(fromPage).toMatchObject({ ok: true, value: { name: 'Pictograph Review', host: 'harness' } });
    const fromBridge = await app.api.app.info();
    expect(fromBridge).toEqual(fromPage);
    const status = await app.api.connection.status();
    expect(status).toMatchObject({ ok: true, value: { state: 'signed-out' } });
  });

  it('rejects a call from an untrusted frame', async () => {
    // Another origin in the same browser gets window.api too (init scripts run in every page and
    // frame), but the router must refuse it, as it refuses every sub-frame.
    await app.context.route('https://evil.invalid/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>evil</title><body></body>' }),
    );
    const evil = await app.context.newPage();
    try {
      await evil.goto('https://evil.invalid/frame.html');
      const fromOtherOrigin = await evil.evaluate(() =>
        (globalThis as unknown as { api: { datasets: { list(): Promise<unknown> } } }).api.datasets.list(),
      );
      expect(fromOtherOrigin).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });

      await evil.evaluate(() => {
        const frame = document.createElement('iframe');
        frame.srcdoc = '<p>child</p>';
        document.body.appendChild(frame);
      });
      const child = await waitForFrame(evil, (f) => f !== evil.mainFrame());
      expect(child).not.toBeNull();
      const fromSubFrame = await child!.evaluate(() =>
        (globalThis as unknown as { api: { app: { info(): Promise<unknown> } } }).api.app.info(),
      );
      expect(fromSubFrame).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    } finally {
      await evil.close();
    }
    expect(app.logs.filter((line) => line.includes('untrusted sender')).length).toBeGreaterThanOrEqual(2);
    // The app's own page is unaffected.
    expect(await app.api.app.info()).toMatchObject({ ok: true });
  });

  it('refuses a sub-frame even at the app’s own origin: only the top-level frame is the app', async () => {
    // Pages of the app's origin without its CSP (test-only routes), so that the iframe can load:
    // only the shared sender rule (electron/ipc/sender.ts) tells the two frames apart.
    const hostUrl = `${HARNESS_ORIGIN}/__test/frame-host.html`;
    const childUrl = `${HARNESS_ORIGIN}/__test/frame-child.html`;
    const pattern = `${HARNESS_ORIGIN}/__test/**`;
    await app.context.route(pattern, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body:
          route.request().url() === hostUrl
            ? `<!doctype html><title>host</title><iframe src="${childUrl}"></iframe>`
            : '<!doctype html><title>child</title><p>child</p>',
      }),
    );
    const host = await app.context.newPage();
    try {
      await host.goto(hostUrl); // resolves after the load event, which waits for the iframe
      const child = host.frames().find((frame) => frame.parentFrame() === host.mainFrame());
      expect(child?.url()).toBe(childUrl);
      const info = () => (globalThis as unknown as { api: { app: { info(): Promise<unknown> } } }).api.app.info();
      expect(await host.evaluate(info)).toMatchObject({ ok: true });
      expect(await child!.evaluate(info)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(app.logs.at(-1)).toContain(`"sender":"subframe:${childUrl}"`);
    } finally {
      await host.close();
      await app.context.unroute(pattern);
    }
  });

  it('serves the one CSP: the full policy as a header, the built page’s meta tag without frame-ancestors', async () => {
    const header = await app.page.evaluate(async () =>
      (await fetch('/index.html', { cache: 'no-store' })).headers.get('content-security-policy'),
    );
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('does not let the app be framed, even by itself (CSP frame-src, frame-ancestors)', async () => {
    const child = await frameAndWait(app.page, `${HARNESS_ORIGIN}/index.html?framed=1`);
    expect(child.url()).toBe(BLOCKED_FRAME_URL);
    await app.page.evaluate(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));
    expect(await app.api.app.info()).toMatchObject({ ok: true });
  });

  it('does not let another site frame the app (CSP frame-ancestors, a header-only directive)', async () => {
    // The framing page has no CSP of its own, so only the app's frame-ancestors can stop it.
    await app.context.route('https://framer.invalid/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>framer</title><body></body>',
      }),
    );
    const framer = await app.context.newPage();
    try {
      await framer.goto('https://framer.invalid/');
      const child = await frameAndWait(framer, `${HARNESS_ORIGIN}/index.html?framed=2`);
      expect(child.url()).toBe(BLOCKED_FRAME_URL);
    } finally {
      await framer.close();
    }
  });

  it('answers invalid_request for an invalid argument', async () => {
    const result = await app.page.evaluate(() =>
      (globalThis as unknown as { api: { images: { page(r: unknown): Promise<unknown> } } }).api.images.page({
        datasetId: 'x',
        limit: 5000,
        offset: -1,
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknownField = await app.api.datasets.get({ datasetId: 'x', extra: true } as never);
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('lets the page reach nothing but the app itself', async () => {
    const outcome = await app.page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked'); // by the CSP (connect-src 'self')
    // Behind the CSP, the harness itself lets nothing out: a page without the app's CSP is cut off too.
    const blank = await app.context.newPage();
    try {
      const escaped = await blank.evaluate(async () => {
        try {
          await fetch('https://example.com/escape');
          return 'reached';
        } catch {
          return 'blocked';
        }
      });
      expect(escaped).toBe('blocked');
      expect(app.blockedRequests).toContain('https://example.com/escape');
    } finally {
      await blank.close();
    }
  });
});

/** Where Chromium sends a frame whose load a CSP refused. */
const BLOCKED_FRAME_URL = 'chrome-error://chromewebdata/';

/**
 * Adds an iframe showing `src` and waits for its load event, which fires for a refused frame too
 * (with Chromium's error page): no fixed delay, the outcome is known when this returns.
 */
async function frameAndWait(page: Page, src: string): Promise<Frame> {
  const handle = await page.evaluateHandle(async (url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.appendChild(frame);
    await loaded;
    return frame;
  }, src);
  const child = await handle.asElement()!.contentFrame();
  await handle.dispose();
  if (!child) throw new Error(`The iframe for ${src} has no frame`);
  return child;
}

async function waitForFrame(page: Page, match: (frame: Frame) => boolean) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find(match);
    if (frame) {
      await frame.waitForLoadState('domcontentloaded').catch(() => {});
      return frame;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}
