import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { chromium } from 'playwright-core';
import { createApi } from '../../electron/preload/api';
import { createRouter, trustedOrigin } from '../../electron/ipc/router';
import { senderUrlFor } from '../../electron/ipc/sender';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import type { MainCore } from '../../electron/core';
import { createMainCore } from '../../electron/core';
import type { Emit } from '../../electron/services/events';
import type { Log } from '../../electron/services/log';
import type { ActionDescriptor, EventName, IpcResult, PictographApi } from '../../shared/ipc';
import { DEMO_SEED_CACHE } from '../support/seedCache';
import { bridgeScript } from './bridge-script';
import { chromiumArgs, findChromium } from './chromium';
import { readStatic } from './static-files';

/** The renderer's origin in the harness. `.invalid` never resolves, so nothing can leak to a real host. */
export const HARNESS_ORIGIN = 'https://app.pictograph.invalid';
const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface LaunchOptions {
  /** A pictograph-local (or other) server; with `apiKey` the app starts connected to it. */
  serverUrl?: string;
  apiKey?: string;
  /** A fresh temporary folder when omitted (removed on close). */
  userDataDir?: string;
  headless?: boolean;
  /** Unique per launch by default, so tests never share keychain entries. */
  keychainService?: string;
  viewport?: { width: number; height: number };
  /** Where the embedded demo keeps its data (default: inside userDataDir). */
  demoDataDir?: string;
  /** The demo seed's image cache, shared by every launch (default `.cache/demo-seed` in the repo). */
  demoSeedCacheDir?: string;
  /** Path of the page to open (default /index.html). */
  path?: string;
  /** What the "OS" prefers (prefers-color-scheme); dark unless a test says otherwise. */
  colorScheme?: 'dark' | 'light';
  /** The folder the "native" folder picker answers (null: the user cancels). Changeable later on `app.desktop`. */
  pickFolder?: string | null;
  /** The files the "native" file picker answers (null: cancelled). */
  pickFiles?: string[] | null;
  /** A dropped file's absolute path by its name: what the preload's `files.pathsOf` answers in Electron. */
  dropPaths?: Record<string, string>;
}

/** The harness's desktop: what the pickers answer, and what was shown in a folder or notified. */
export interface HarnessDesktop {
  pickFolder: string | null;
  pickFiles: string[] | null;
  picks: { kind: 'folder' | 'files'; purpose: string }[];
  shownItems: string[];
  notifications: { title: string; body: string }[];
  /** Every action list the renderer published for the application menu (menu:setActions), oldest first. */
  menus: ActionDescriptor[][];
  /** Taskbar/dock progress values set, oldest first (-1: none, >1: indeterminate). */
  progress: number[];
  /** Text put on the system clipboard by main (Help → Copy diagnostics). */
  clipboard: string[];
  /** How often main raised the window (a deep link, a second launch). */
  focusRequests: number;
}

export interface LaunchedApp {
  page: Page;
  /** The same bridge window.api is: calls go through the page's binding and the real router. */
  api: PictographApi;
  core: MainCore;
  context: BrowserContext;
  userDataDir: string;
  /** Every event main pushed, in order. */
  events: { name: EventName; payload: unknown }[];
  /** Requests the page tried that were not the app or its media (blocked, recorded for tests). */
  blockedRequests: string[];
  /** Main-process log lines (the router logs dropped senders and handler failures here). */
  logs: string[];
  desktop: HarnessDesktop;
  close(): Promise<void>;
}

/**
 * What the bridge script puts on the page's global object. Typed here because this file compiles
 * without DOM types; the casts inside page.evaluate callbacks vanish at run time (they run in the page).
 */
interface PageBridge {
  __pictographInvoke(channel: string, request: unknown): Promise<IpcResult<unknown>>;
  __pictographDeliver?(name: string, payload: unknown): void;
}

/**
 * Playwright hands a binding's answer over value by value (an annotation list of 10,000 polygons,
 * ~12 MB, took ~12 s), where Electron's IPC structured-clones it in milliseconds. So a large answer
 * crosses as one JSON string, parsed on the other side (bridge-script.ts does the same in the page).
 */
const LARGE_ANSWER_CHARS = 64 * 1024;
function packAnswer(result: IpcResult<unknown>): IpcResult<unknown> {
  const text = JSON.stringify(result);
  return (text.length > LARGE_ANSWER_CHARS ? { __pictographJson: text } : result) as IpcResult<unknown>;
}
function unpackAnswer(value: IpcResult<unknown>): IpcResult<unknown> {
  const packed = value as unknown as { __pictographJson?: unknown };
  return typeof packed.__pictographJson === 'string'
    ? (JSON.parse(packed.__pictographJson) as IpcResult<unknown>)
    : value;
}

/**
 * Runs the real renderer build in Debian Chromium against the real main-process services
 * (design §3). Same router, same createApi, same media resolver as the Electron app; only the
 * transport differs (exposeBinding instead of ipcRenderer, routing instead of the app:// protocol).
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npx vite build` (npm test and npm run preview do it).');
  }
  const ownsUserData = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'pictograph-userdata-')));
  const events: LaunchedApp['events'] = [];
  const blockedRequests: string[] = [];
  const logs: string[] = [];
  let context: BrowserContext | null = null;
  const nodeListeners = new Map<string, Set<(payload: unknown) => void>>();
  const desktop: HarnessDesktop = {
    pickFolder: options.pickFolder ?? null,
    pickFiles: options.pickFiles ?? null,
    picks: [],
    shownItems: [],
    notifications: [],
    menus: [],
    progress: [],
    clipboard: [],
    focusRequests: 0,
  };

  const emit: Emit = (name, payload) => {
    events.push({ name, payload });
    for (const listener of nodeListeners.get(name) ?? []) listener(payload);
    for (const page of context?.pages() ?? []) {
      for (const frame of page.frames()) {
        frame
          .evaluate(([n, p]) => (globalThis as unknown as PageBridge).__pictographDeliver?.(n, p), [
            name,
            payload,
          ] as const)
          .catch(() => {});
      }
    }
  };
  const log: Log = (level, message, fields) =>
    logs.push(`${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);

  const core = await createMainCore(
    {
      userDataDir,
      appOrigin: HARNESS_ORIGIN,
      host: 'harness',
      version: '0.0.0-harness',
      emit,
      log,
      desktop: {
        pickFolder: (purpose) => {
          desktop.picks.push({ kind: 'folder', purpose });
          return Promise.resolve(desktop.pickFolder);
        },
        pickFiles: () => {
          desktop.picks.push({ kind: 'files', purpose: 'upload' });
          return Promise.resolve(desktop.pickFiles);
        },
        showItem: (path) => desktop.shownItems.push(path),
        notify: (note) => desktop.notifications.push(note),
      },
      shell: {
        setMenu: (actions) => desktop.menus.push([...actions]),
        setProgress: (value) => desktop.progress.push(value),
        focusWindow: () => (desktop.focusRequests += 1),
        copyText: (text) => desktop.clipboard.push(text),
      },
      keychainService: options.keychainService ?? `pictograph-review-test-${process.pid}-${Date.now()}`,
      ...(options.demoDataDir ? { demoDataDir: options.demoDataDir } : {}),
    },
    { demoSeedCacheDir: options.demoSeedCacheDir ?? DEMO_SEED_CACHE },
  );
  const router = createRouter({ handlers: core.handlers, isTrustedSender: trustedOrigin(HARNESS_ORIGIN), log });

  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: options.headless ?? true,
      args: chromiumArgs(),
    });
    context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'dark',
      serviceWorkers: 'block',
    });
    await context.exposeBinding('__pictographInvoke', (source, channel: string, request: unknown) => {
      // The Electron glue's own rule: only the top-level frame can be the app.
      const senderUrl = senderUrlFor({
        frame: source.frame,
        mainFrame: source.page.mainFrame(),
        urlOf: (f) => f.url(),
      });
      return router.dispatch(channel, request, { senderUrl }).then(packAnswer);
    });
    // Read by the bridge's files.pathsOf, standing in for Electron's webUtils.getPathForFile.
    await context.addInitScript({
      content: `Object.defineProperty(window, '__pictographFilePaths', { value: Object.freeze(${JSON.stringify(options.dropPaths ?? {})}) });`,
    });
    await context.addInitScript({ content: await bridgeScript() });
    await context.route('**/*', (route) =>
      handleRoute(route, core, blockedRequests).catch((error: unknown) => {
        // A test that ends while a request is still being answered closes the page under the
        // route: not a failure of the app. Anything else still surfaces.
        if (error instanceof Error && /has been closed/.test(error.message)) return;
        throw error;
      }),
    );

    if (options.serverUrl && options.apiKey) {
      const connected = await router.dispatch(
        'connection:connect',
        { baseUrl: options.serverUrl, apiKey: options.apiKey },
        { senderUrl: `${HARNESS_ORIGIN}/index.html` },
      );
      if (!connected.ok) throw new Error(`Harness could not connect: ${connected.error.message}`);
    }

    const page = await context.newPage();
    page.on('pageerror', (error) => logs.push(`pageerror ${error.message}`));
    await page.goto(`${HARNESS_ORIGIN}${options.path ?? '/index.html'}`);

    const api = createApi(
      (channel, request) =>
        page
          .evaluate(([c, r]) => (globalThis as unknown as PageBridge).__pictographInvoke(c, r), [
            channel,
            request,
          ] as const)
          .then(unpackAnswer),
      (name, listener) => {
        // Node-side subscribers hear the same events the page does, straight from main's emit.
        const set = nodeListeners.get(name) ?? new Set();
        nodeListeners.set(name, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    );

    const launchedBrowser = browser;
    const launchedContext = context;
    return {
      page,
      api,
      core,
      context,
      userDataDir,
      events,
      blockedRequests,
      logs,
      desktop,
      async close() {
        await launchedContext.unrouteAll({ behavior: 'ignoreErrors' }).catch(() => {});
        await launchedBrowser.close().catch(() => {});
        await core.dispose();
        if (ownsUserData) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await core.dispose();
    if (ownsUserData) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function handleRoute(route: Route, core: MainCore, blocked: string[]): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  if (`${url.protocol}//${url.host}` !== HARNESS_ORIGIN) {
    // The renderer talks to nothing but the app: every other request is a bug (or an attack).
    blocked.push(request.url());
    await route.abort('blockedbyclient');
    return;
  }
  if (url.pathname.startsWith('/media/')) {
    const media = await core.resolveMedia({ url: request.url(), headers: await request.allHeaders() });
    await route.fulfill({
      status: media.status,
      headers: media.headers,
      body: media.body ? Buffer.from(media.body) : '',
    });
    return;
  }
  const file = await readStatic(RENDERER_DIR, url.pathname);
  const headers: Record<string, string> = { 'content-type': file.contentType, 'cache-control': 'no-store' };
  if (file.contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  await route.fulfill({ status: file.status, headers, body: file.body });
}
