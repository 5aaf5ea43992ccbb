import { afterEach, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({
  registered: [] as unknown[][],
  listeners: new Map<string, (event: { preventDefault(): void }, url: string) => void>(),
}));
vi.mock('electron', () => ({
  app: {
    setAsDefaultProtocolClient: (...args: unknown[]) => recorded.registered.push(args),
    on: (name: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
      recorded.listeners.set(name, listener),
  },
}));

const { listenForDeepLinks } = await import('../../../../electron/main/deepLinks');
const LINK =
  'pictograph-review://open?dataset=9b2e8a3c-0000-4000-8000-000000000001&image=1c0ffee0-1234-4abc-9def-0123456789ab';
const argv = process.argv;

afterEach(() => {
  process.argv = argv;
  recorded.registered.length = 0;
  recorded.listeners.clear();
});

describe('deep-link glue', () => {
  it('registers the scheme, and hands over open-url (macOS) and argv links (Windows, Linux)', () => {
    process.argv = ['/opt/Pictograph Review/pictograph-review', LINK];
    const opened: string[] = [];
    const links = listenForDeepLinks((url) => opened.push(url));
    expect(recorded.registered[0]?.[0]).toBe('pictograph-review');
    expect(opened).toEqual([LINK]);
    let prevented = false;
    recorded.listeners.get('open-url')?.({ preventDefault: () => (prevented = true) }, 'pictograph-review://open?x');
    expect(prevented).toBe(true);
    links.fromArgv(['/opt/app', '--flag']);
    links.fromArgv(['/opt/app', LINK]);
    // Validation is the core's (services/desktop/deepLink.ts): the glue forwards anything with our scheme.
    expect(opened).toEqual([LINK, 'pictograph-review://open?x', LINK]);
  });
});
