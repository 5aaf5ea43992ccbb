import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real 'electron' package cannot be loaded in tests (it would try to download its binary).
const openExternal = vi.fn(async () => {});
vi.mock('electron', () => ({ shell: { openExternal } }));

const security = await import('../../../../electron/main/security');

type Listener = (event: { preventDefault: () => void }, url: string) => void;

/** A stand-in WebContents that records the handlers the module installs, so we can fire them. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof windowOpen) => (windowOpen = handler),
    fire(name: string, url: string) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => windowOpen?.({ url }),
  };
}

beforeEach(() => openExternal.mockClear());

describe('window security', () => {
  it('builds isolated, sandboxed web preferences', () => {
    const prefs = security.webPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('blocks navigation away from the app but allows in-app navigation', () => {
    const contents = fakeContents();
    security.hardenWebContents(contents as never);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://pictograph.evil/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://pictograph/index.html')).toBe(false);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview', 'app://pictograph/')).toBe(true);
  });

  it('denies every new window, opening only allowlisted https links externally', () => {
    const contents = fakeContents();
    security.hardenWebContents(contents as never);
    expect(contents.open('https://docs.pictograph.io/api')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.pictograph.io/api');
    for (const url of [
      'http://docs.pictograph.io/',
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@pictograph.io/',
      'smb://host/share',
    ]) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('opens externally only https URLs whose real host is on the allow-list', () => {
    for (const url of [
      'https://pictograph.io/',
      'https://DOCS.pictograph.io/guide?x=1#y', // host names are case-insensitive
      'https://github.com/pictograph/review/issues',
    ]) {
      expect(security.openExternalSafely(url), url).toBe(true);
    }
    for (const url of [
      'https://pictograph.io@evil.example/', // userinfo: the host is evil.example
      'https://pictograph.io.evil.example/', // a lookalike suffix
      'https://evilpictograph.io/',
      'https://xn--pictgraph-m4a.io/', // an IDN homograph
      'data:text/html,<script>1</script>',
      'vbscript:msgbox',
      'app://pictograph/index.html',
      '',
      'not a url',
    ]) {
      expect(security.openExternalSafely(url), url).toBe(false);
    }
    expect(openExternal).toHaveBeenCalledTimes(3);
  });

  it('blocks navigation to lookalike app origins', () => {
    const contents = fakeContents();
    security.hardenWebContents(contents as never);
    for (const url of [
      'app://pictograph@evil/',
      'app://pictograph.evil/index.html',
      'app://pictographx/',
      'app://other/',
    ]) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
    }
  });

  it('denies all permission requests and checks', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    };
    security.hardenSession(session as never);
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      let granted: boolean | null = null;
      (handlers.request as unknown as (c: unknown, p: string, cb: (v: boolean) => void) => void)(
        null,
        permission,
        (v) => (granted = v),
      );
      expect(granted, permission).toBe(false);
    }
    expect((handlers.check as unknown as () => boolean)()).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
  });
});
