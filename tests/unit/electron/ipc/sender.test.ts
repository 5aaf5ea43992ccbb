import { describe, expect, it } from 'vitest';
import { trustedOrigin } from '../../../../electron/ipc/router';
import { SUBFRAME_PREFIX, senderUrlFor } from '../../../../electron/ipc/sender';

/** Electron's WebFrameMain shape: the URL is a property. */
interface ElectronFrame {
  url: string;
}
const urlOf = (frame: ElectronFrame) => frame.url;
const trusted = trustedOrigin('app://pictograph');

describe('senderUrlFor', () => {
  const main: ElectronFrame = { url: 'app://pictograph/index.html' };

  it('passes the top-level frame’s URL through, which the router trusts', () => {
    const url = senderUrlFor({ frame: main, mainFrame: main, urlOf });
    expect(url).toBe('app://pictograph/index.html');
    expect(trusted(url)).toBe(true);
  });

  it('marks any other frame, even one showing the app’s own page, so the router refuses it', () => {
    const child: ElectronFrame = { url: 'app://pictograph/index.html' };
    const url = senderUrlFor({ frame: child, mainFrame: main, urlOf });
    expect(url).toBe(`${SUBFRAME_PREFIX}app://pictograph/index.html`);
    expect(trusted(url)).toBe(false);
  });

  it('compares frame objects, not URLs: an equal-looking frame is still another frame', () => {
    const twin: ElectronFrame = { ...main };
    expect(senderUrlFor({ frame: twin, mainFrame: main, urlOf })).toMatch(/^subframe:/);
  });

  it('treats a missing frame or a missing main frame as untrusted', () => {
    for (const frames of [
      { frame: null, mainFrame: main },
      { frame: undefined, mainFrame: main },
      { frame: null, mainFrame: null },
      { frame: main, mainFrame: null },
      { frame: main, mainFrame: undefined },
    ]) {
      const url = senderUrlFor({ ...frames, urlOf });
      expect(url).toMatch(/^subframe:/);
      expect(trusted(url)).toBe(false);
    }
    expect(senderUrlFor({ frame: null, mainFrame: main, urlOf })).toBe('subframe:unknown');
  });

  it('survives a frame whose URL cannot be read (Electron throws for a disposed frame)', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderUrlFor({ frame: disposed, mainFrame: disposed, urlOf })).toBe('unknown');
    expect(trusted(senderUrlFor({ frame: disposed, mainFrame: disposed, urlOf }))).toBe(false);
    const notAString = { url: 42 as unknown as string };
    expect(senderUrlFor({ frame: notAString, mainFrame: main, urlOf })).toBe('subframe:unknown');
  });

  it('works with Playwright’s frames too (the URL is a method), as the harness uses it', () => {
    const top = { url: () => 'https://app.pictograph.invalid/index.html' };
    const child = { url: () => 'https://app.pictograph.invalid/index.html?framed=1' };
    expect(senderUrlFor({ frame: top, mainFrame: top, urlOf: (f) => f.url() })).toBe(
      'https://app.pictograph.invalid/index.html',
    );
    expect(senderUrlFor({ frame: child, mainFrame: top, urlOf: (f) => f.url() })).toBe(
      'subframe:https://app.pictograph.invalid/index.html?framed=1',
    );
  });
});
