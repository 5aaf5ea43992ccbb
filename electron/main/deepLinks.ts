import { app } from 'electron';
import { resolve } from 'node:path';
import { DEEP_LINK_SCHEME, deepLinkInArgv } from '../services/desktop/deepLink';

/**
 * `pictograph-review://` links (issue 12 item 3). The OS hands them over three ways: macOS sends
 * `open-url` (also for the link that launched the app, before `ready`, so this is installed at
 * once); Windows and Linux start a second instance with the link in argv (the running instance hears
 * `second-instance`) or, for the first launch, in our own argv. Every link goes to `open`, which
 * parses and validates it (services/desktop/deepLink.ts) — nothing here trusts it.
 */
export function listenForDeepLinks(open: (url: string) => void): { fromArgv(argv: readonly string[]): void } {
  // From a dev checkout Electron runs as `electron path/to/main.js`: the OS must pass that script too.
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    open(url);
  });
  const fromArgv = (argv: readonly string[]) => {
    const url = deepLinkInArgv(argv);
    if (url) open(url);
  };
  fromArgv(process.argv);
  return { fromArgv };
}
