import { describe, expect, it } from 'vitest';
import { RecentErrors, teeRecentErrors } from '../../../../../electron/services/diagnostics/recentErrors';
import { buildDiagnostics, hostOf } from '../../../../../electron/services/diagnostics/report';

const KEY = `pk_live_${'Q'.repeat(43)}`;
const app = { name: 'Pictograph Review', version: '1.2.3', host: 'electron' as const, platform: 'linux' };

describe('recent errors for diagnostics', () => {
  it('keeps the last warnings and errors only, redacted and cut short', () => {
    const recent = new RecentErrors(3);
    const seen: string[] = [];
    const log = teeRecentErrors((level, message) => seen.push(`${level} ${message}`), recent);
    log('info', 'not kept');
    for (let i = 0; i < 5; i += 1) log('warn', `failure ${i}`, { header: `X-API-Key: ${KEY}` });
    log('error', 'z'.repeat(5_000));
    expect(seen).toHaveLength(7); // everything still reaches the log itself
    const list = recent.list();
    expect(list.map((e) => e.level)).toEqual(['warn', 'warn', 'error']);
    expect(list[0]!.message).toBe('failure 3 {"header":"X-API-Key: pk_live_QQQQ…"}');
    expect(list[2]!.message.length).toBeLessThanOrEqual(501);
    expect(JSON.stringify(list)).not.toContain(KEY);
  });
});

describe('diagnostics report', () => {
  it('reports versions, OS, the workspace host and recent errors, as data and as text', () => {
    const diagnostics = buildDiagnostics({
      app,
      versions: { electron: '45.5.0', chrome: '142.0.1', node: '24.1.0', v8: '14.2' },
      os: { platform: 'linux', arch: 'x64', release: '6.8.0' },
      profileBaseUrl: 'https://user:pw@pictograph.example:8443/api/v1?token=abc',
      connectionState: 'connected',
      recentErrors: [{ at: '2026-01-01T00:00:00.000Z', level: 'error', message: 'boom' }],
    });
    expect(diagnostics).toMatchObject({
      versions: { electron: '45.5.0', chrome: '142.0.1', node: '24.1.0', v8: '14.2' },
      profileHost: 'pictograph.example:8443',
      connectionState: 'connected',
    });
    expect(diagnostics.text).toBe(
      [
        'Pictograph Review 1.2.3 (electron)',
        'Electron 45.5.0 · Chrome 142.0.1 · Node 24.1.0 · V8 14.2',
        'OS linux 6.8.0 (x64)',
        'Workspace host pictograph.example:8443 · connection connected',
        'Recent errors (1):',
        '  2026-01-01T00:00:00.000Z ERROR boom',
      ].join('\n'),
    );
    expect(diagnostics.text).not.toMatch(/user|pw|token|api\/v1/);
  });

  it('redacts a key that reached an error by any path, and copes with no workspace or runtime', () => {
    const diagnostics = buildDiagnostics({
      app: { ...app, host: 'harness' },
      versions: { node: '24.1.0' },
      os: { platform: 'linux', arch: 'x64', release: '6' },
      profileBaseUrl: null,
      connectionState: 'signed-out',
      recentErrors: [{ at: 't', level: 'warn', message: `leaked ${KEY}` }],
    });
    expect(diagnostics.versions).toEqual({ electron: null, chrome: null, node: '24.1.0', v8: 'unknown' });
    expect(diagnostics.text).toContain('Electron - · Chrome -');
    expect(diagnostics.text).toContain('Workspace host -');
    expect(diagnostics.text).not.toContain(KEY);
    expect(hostOf('not a url')).toBeNull();
  });
});
