import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../../../../shared/ipc';
import { createDesktopHandlers } from '../../../../../electron/ipc/handlers/desktop';

const ctx = { senderUrl: 'app://pictograph/index.html' };

function setup(diagnostics: () => Promise<unknown>) {
  const copied: string[] = [];
  const published: unknown[] = [];
  const handlers = createDesktopHandlers({
    integration: {
      publishActions: (actions) => (published.push(actions), actions.length),
      takePendingLink: () => null,
    },
    shell: { copyText: (text) => copied.push(text) },
    diagnostics: diagnostics as never,
  });
  return { handlers, copied, published };
}

describe('desktop handlers', () => {
  it('copyDiagnostics puts main’s report on the clipboard and says how long it was', async () => {
    const text = 'Pictograph Review 1.0.0\nplatform linux';
    const { handlers, copied } = setup(async () => ({ ok: true, value: { text } as Diagnostics }));
    expect(await handlers['clipboard:copyDiagnostics']({}, ctx)).toEqual({
      ok: true,
      value: { copied: true, characters: text.length },
    });
    expect(copied).toEqual([text]);
  });

  it('a report that failed is answered as such and nothing is copied', async () => {
    const error = { code: 'internal' as const, message: 'no report' };
    const { handlers, copied } = setup(async () => ({ ok: false, error }));
    expect(await handlers['clipboard:copyDiagnostics']({}, ctx)).toEqual({ ok: false, error });
    expect(copied).toEqual([]);
  });

  it('setActions answers how many items the menu got', async () => {
    const { handlers, published } = setup(async () => null);
    const actions = [{ id: 'app.theme', label: 'Theme', group: 'View' as const, keys: [], enabled: true }];
    expect(await handlers['menu:setActions']({ actions }, ctx)).toEqual({ ok: true, value: { items: 1 } });
    expect(published).toEqual([actions]);
    expect(await handlers['deepLink:take']({}, ctx)).toEqual({ ok: true, value: null });
  });
});
