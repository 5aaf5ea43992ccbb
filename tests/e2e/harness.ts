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
import { createCrashPolicy, withRecoveredEdits } from '../../electron/main/rendererCrash';
import type { MainCore } from '../../electron/core';
import { createMainCore } from '../../electron/core';
import type { Emit } from '../../electron/services/events';
import type { Log } from '../../electron/services/log';
import type { ActionDescriptor, EventName, IpcResult, PictographApi } from '../../shared/ipc';
import { DEMO_SEED_CACHE } from '../support/seedCache';
import { bridgeScript } from './bridge-script';
import { chromiumArgs, findChromium } from './chromium';
import { ANSWER_PREFIX, startByteLane } from './lane/byteLane';
import type { ByteLane } from './lane/byteLane';
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
  /** The messages a renderer crash showed (Electron: a message box), oldest first. */
  crashes: string[];
  /**
   * Crashes the renderer (CDP Page.crash) and reloads the window as main does after a crash;
   * `page` is the new one afterwards (page objects built on the old one must be rebuilt).
   */
  crashAndReload(): Promise<Page>;
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
 * ~12 MB, took ~12 s), and even as one string it crosses inside a CDP message (~0.35 s for 11 MB),
 * where Electron's IPC structured-clones it in milliseconds. So a large answer is parked in the
 * byte lane as JSON text and the page fetches it over loopback (bridge-script.ts).
 */
const LARGE_ANSWER_CHARS = 64 * 1024;
function answerPacker(lane: ByteLane): (result: IpcResult<unknown>) => IpcResult<unknown> {
  return (result) => {
    const text = JSON.stringify(result);
    return (text.length > LARGE_ANSWER_CHARS ? { __pictographFetch: lane.park(text) } : result) as IpcResult<unknown>;
  };
}
/** The bridge's packing of a large request (bridge-script.ts): one JSON string, parsed here. */
function unpackRequest(request: unknown): unknown {
  if (typeof request !== 'object' || request === null) return request;
  const keys = Object.keys(request);
  const text = (request as { __pictographJson?: unknown }).__pictographJson;
  return keys.length === 1 && typeof text === 'string' ? (JSON.parse(text) as unknown) : request;
}
function answerUnpacker(lane: ByteLane): (value: IpcResult<unknown>) => IpcResult<unknown> {
  return (value) => {
    const packed = value as unknown as { __pictographFetch?: unknown };
    if (typeof packed.__pictographFetch !== 'string') return value;
    const text = lane.take(packed.__pictographFetch);
    if (text === null) throw new Error(`The harness lost a large answer (${packed.__pictographFetch}).`);
    return JSON.parse(text) as IpcResult<unknown>;
  };
}

/**
 * Runs the real renderer build in Debian Chromium against the real main-process services
 * (design §3). Same router, same createApi, same media resolver as the Electron app; only the
 * transport differs (exposeBinding instead of ipcRenderer, routing and a loopback byte lane instead
 * of the app:// protocol).
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
  let lane: ByteLane | null = null;
  try {
    lane = await startByteLane({ host: new URL(HARNESS_ORIGIN).host, resolveMedia: core.resolveMedia });
    const packAnswer = answerPacker(lane);
    const unpackAnswer = answerUnpacker(lane);
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: options.headless ?? true,
      args: [...chromiumArgs(), `--host-resolver-rules=${lane.resolverRule}`],
    });
    context = await browser.newContext({
      // The byte lane's certificate is self-signed for a host that cannot exist (lane/byteLane.ts).
      ignoreHTTPSErrors: true,
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
      return router.dispatch(channel, unpackRequest(request), { senderUrl }).then(packAnswer);
    });
    // Read by the bridge's files.pathsOf, standing in for Electron's webUtils.getPathForFile.
    await context.addInitScript({
      content: `Object.defineProperty(window, '__pictographFilePaths', { value: Object.freeze(${JSON.stringify(options.dropPaths ?? {})}) });`,
    });
    await context.addInitScript({ content: await bridgeScript() });
    await context.route('**/*', (route) =>
      handleRoute(route, blockedRequests).catch((error: unknown) => {
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

    const launchedContext = context;
    const crashPolicy = createCrashPolicy();
    const crashes: string[] = [];
    let recovered: Promise<void> = Promise.resolve();
    // A window's page: errors logged; a crash handled as the Electron glue does (resilience.ts):
    // the editor's drafts recovered in main, the message recorded, then a fresh page (the reload).
    const openPage = async (): Promise<Page> => {
      const opened = await launchedContext.newPage();
      opened.on('pageerror', (error) => logs.push(`pageerror ${error.message}`));
      opened.on('crash', () => {
        // Calls the renderer made before it died are handled first, as Electron's IPC queue does.
        recovered = new Promise((resolve) => setTimeout(resolve, 50)).then(() => {
          const decided = crashPolicy({ reason: 'crashed' });
          const decision = decided.action === 'ignore' ? decided : withRecoveredEdits(decided, core.recoverDrafts());
          if (decision.action !== 'ignore') crashes.push(decision.message);
        });
      });
      await opened.goto(`${HARNESS_ORIGIN}${options.path ?? '/index.html'}`);
      return opened;
    };
    const page = await openPage();

    const api = createApi(
      (channel, request) =>
        launched.page
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
    const launchedLane = lane;
    const launched: LaunchedApp = {
      page,
      api,
      core,
      context,
      userDataDir,
      events,
      blockedRequests,
      logs,
      desktop,
      crashes,
      async crashAndReload() {
        const crashed = launched.page.waitForEvent('crash');
        const cdp = await launchedContext.newCDPSession(launched.page);
        // Chromium's own "kill this renderer": the answer never comes, the crash event does.
        void cdp.send('Page.crash').catch(() => {});
        await crashed;
        await recovered;
        // Playwright refuses a crashed page; Electron reloads the same window. A fresh page in the
        // same context is the same thing here: same main core, same bindings, a new renderer.
        await launched.page.close().catch(() => {});
        launched.page = await openPage();
        return launched.page;
      },
      async close() {
        await launchedContext.unrouteAll({ behavior: 'ignoreErrors' }).catch(() => {});
        await launchedBrowser.close().catch(() => {});
        await launchedLane.close();
        await core.dispose();
        if (ownsUserData) await rm(userDataDir, { recursive: true, force: true });
      },
    };
    return launched;
  } catch (error) {
    await browser?.close().catch(() => {});
    await lane?.close();
    await core.dispose();
    if (ownsUserData) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function handleRoute(route: Route, blocked: string[]): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  if (`${url.protocol}//${url.host}` !== HARNESS_ORIGIN) {
    // The renderer talks to nothing but the app: every other request is a bug (or an attack).
    blocked.push(request.url());
    await route.abort('blockedbyclient');
    return;
  }
  if (url.pathname.startsWith('/media/') || url.pathname.startsWith(ANSWER_PREFIX)) {
    // Bytes go through Chromium's network stack to the byte lane (core.resolveMedia answers media).
    await route.continue();
    return;
  }
  const file = await readStatic(RENDERER_DIR, url.pathname);
  const headers: Record<string, string> = { 'content-type': file.contentType, 'cache-control': 'no-store' };
  if (file.contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  await route.fulfill({ status: file.status, headers, body: file.body });
}
