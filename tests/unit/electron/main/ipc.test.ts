import { describe, expect, it, vi } from 'vitest';
import type { HandlerMap } from '../../../../electron/ipc/types';
import { channelNames } from '../../../../shared/ipc';

// The real 'electron' package cannot be loaded in tests (it would try to download its binary), so
// ipcMain and BrowserWindow are stand-ins that record what the glue registers and sends.
type IpcListener = (event: unknown, request: unknown) => Promise<unknown>;
const registered = new Map<string, IpcListener>();
const windows: { isDestroyed(): boolean; webContents: { send: ReturnType<typeof vi.fn> } }[] = [];
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: IpcListener) => registered.set(channel, listener) },
  BrowserWindow: { getAllWindows: () => windows },
}));

const { registerIpc, emitToWindows } = await import('../../../../electron/main/ipc');
const { createRouter, trustedOrigin } = await import('../../../../electron/ipc/router');

/** Every handler answers with the sender URL the router let through. */
const senderEcho = Object.fromEntries(
  channelNames.map((name) => [name, async (_request: unknown, context: { senderUrl: string }) => context]),
) as unknown as HandlerMap;

const logs: string[] = [];
registerIpc(
  createRouter({
    handlers: senderEcho,
    isTrustedSender: trustedOrigin('app://pictograph'),
    log: (_level, message) => logs.push(message),
  }),
);

/** An IPC event the way Electron builds it: the calling frame and the window's top-level frame. */
function eventFrom(senderFrame: { url: string } | null, mainFrame: { url: string }) {
  return { senderFrame, sender: { mainFrame } };
}

describe('ipcMain glue', () => {
  const main = { url: 'app://pictograph/index.html' };

  it('registers every contract channel', () => {
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('passes calls from the top-level frame through with its URL', async () => {
    const result = await registered.get('app:info')!(eventFrom(main, main), {});
    expect(result).toEqual({ senderUrl: 'app://pictograph/index.html' });
  });

  it('refuses a sub-frame, even one showing the app’s own page', async () => {
    const child = { url: 'app://pictograph/index.html?framed=1' };
    const before = logs.length;
    const result = await registered.get('app:info')!(eventFrom(child, main), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(logs.slice(before)).toEqual(['IPC call from an untrusted sender dropped']);
  });

  it('refuses a call whose frame is already gone', async () => {
    const result = await registered.get('datasets:list')!(eventFrom(null, main), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('sends events to every live window, skipping destroyed ones', () => {
    const live = { isDestroyed: () => false, webContents: { send: vi.fn() } };
    const dead = { isDestroyed: () => true, webContents: { send: vi.fn() } };
    windows.push(live, dead);
    emitToWindows('event:connection' as never, { done: 1 } as never);
    expect(live.webContents.send).toHaveBeenCalledWith('event:connection', { done: 1 });
    expect(dead.webContents.send).not.toHaveBeenCalled();
  });
});
