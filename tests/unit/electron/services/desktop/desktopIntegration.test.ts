import { describe, expect, it } from 'vitest';
import type { ActionDescriptor } from '../../../../../shared/ipc';
import { DesktopIntegration } from '../../../../../electron/services/desktop/desktopIntegration';

const DS = '9b2e8a3c-0000-4000-8000-000000000001';
const IM = '1c0ffee0-1234-4abc-9def-0123456789ab';
const LINK = `pictograph-review://open?dataset=${DS}&image=${IM}`;
const action = (id: string, enabled = true): ActionDescriptor => ({ id, label: id, group: 'View', keys: [], enabled });

function setup() {
  const emitted: { name: string; payload: unknown }[] = [];
  const calls: string[] = [];
  const notes: { title: string; body: string }[] = [];
  const logs: string[] = [];
  const integration = new DesktopIntegration({
    emit: (name, payload) => emitted.push({ name, payload }),
    shell: {
      setMenu: (actions) => calls.push(`menu ${actions.map((a) => a.id).join(',')}`),
      setProgress: (value) => calls.push(`progress ${value}`),
      focusWindow: () => calls.push('focus'),
      copyText: (text) => calls.push(`copy ${text}`),
    },
    notify: (note) => notes.push(note),
    log: (level, message) => logs.push(`${level} ${message}`),
  });
  return { integration, emitted, calls, notes, logs };
}

describe('DesktopIntegration', () => {
  it('menu: publishes to the shell; a click on a published, enabled action goes to the renderer', () => {
    const { integration, emitted, calls, logs } = setup();
    expect(integration.publishActions([action('app.theme'), action('viewer.next', false)])).toBe(2);
    expect(calls).toEqual(['menu app.theme,viewer.next']);
    expect(integration.menuClicked('app.theme')).toBe(true);
    expect(emitted).toEqual([{ name: 'event:menu-action', payload: { id: 'app.theme' } }]);
    expect(integration.menuClicked('viewer.next')).toBe(false);
    expect(integration.menuClicked('app.deleteEverything')).toBe(false);
    expect(emitted).toHaveLength(1);
    expect(logs).toEqual([
      'warn Menu click for an unknown or disabled action ignored',
      'warn Menu click for an unknown or disabled action ignored',
    ]);
  });

  it('a newer list replaces the old one: a removed action is no longer clickable', () => {
    const { integration } = setup();
    integration.publishActions([action('viewer.next')]);
    integration.publishActions([action('app.theme')]);
    expect(integration.menuClicked('viewer.next')).toBe(false);
  });

  it('a deep link before the renderer listens is kept, handed over once, then links are pushed', () => {
    const { integration, emitted, calls } = setup();
    expect(integration.openDeepLink(LINK)).toBe(true);
    expect(calls).toEqual(['focus']);
    expect(emitted).toEqual([]);
    expect(integration.takePendingLink()).toEqual({ datasetId: DS, imageId: IM });
    expect(integration.takePendingLink()).toBeNull();
    expect(integration.openDeepLink(LINK)).toBe(true);
    expect(emitted).toEqual([{ name: 'event:open-image', payload: { datasetId: DS, imageId: IM } }]);
  });

  it('a bad deep link is logged and dropped: no focus, nothing kept', () => {
    const { integration, emitted, calls, logs } = setup();
    expect(integration.openDeepLink('pictograph-review://open?dataset=../x&image=y')).toBe(false);
    expect(integration.openDeepLink(`javascript:alert(1)`)).toBe(false);
    expect(calls).toEqual([]);
    expect(integration.takePendingLink()).toBeNull();
    expect(emitted).toEqual([]);
    expect(logs).toEqual(['warn Refused a deep link', 'warn Refused a deep link']);
  });

  it('events become notifications and taskbar progress', () => {
    const { integration, calls, notes } = setup();
    integration.observe('event:export', { id: 'e1', status: 'completed', name: 'n', dataset_name: 'd' });
    integration.observe('event:export-download', {
      downloadId: 'd1',
      exportId: 'e1',
      state: 'running',
      received: 5,
      total: 10,
      path: null,
      error: null,
    });
    integration.observe('event:connection', { state: 'signed-in' });
    expect(notes).toEqual([{ title: 'Export ready', body: '"n" of d can be downloaded.' }]);
    expect(calls).toEqual(['progress 0.5']);
  });
});
