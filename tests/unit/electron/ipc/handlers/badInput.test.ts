import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, trustedOrigin } from '../../../../../electron/ipc/router';
import type { Router } from '../../../../../electron/ipc/router';
import type { MainCore } from '../../../../../electron/core';
import { createMainCore } from '../../../../../electron/core';
import { channelNames } from '../../../../../shared/ipc';
import type { ChannelName } from '../../../../../shared/ipc';

const APP = 'app://pictograph';
const ctx = { senderUrl: `${APP}/index.html` };
const MB = 'x'.repeat(1024 * 1024);
const ID = '9b2e8a3c-0000-4000-8000-000000000001';

/** Inputs wrong for every channel, whatever its schema. */
const UNIVERSAL_BAD: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'datasets'],
  ['an array', []],
  ['an array of objects', [{}]],
  ['an extra field', { unexpected: true }],
  ['a __proto__ key', JSON.parse('{"__proto__":{"polluted":true}}')],
  ['a constructor key', { constructor: { prototype: {} } }],
  ['a prototype key', { prototype: 1 }],
  ['a 1 MB key name', { [MB]: 1 }],
];

const point = (x: number, y: number) => ({ x, y });
const bbox = (extra: Record<string, unknown> = {}) => ({
  id: 'a1',
  name: 'car',
  type: 'bbox',
  bounding_box: { x: 0, y: 0, w: 5, h: 5 },
  ...extra,
});
const save = (patch: Record<string, unknown>) => ({ imageId: ID, annotations: [bbox()], ifMatch: null, ...patch });
const page = (patch: Record<string, unknown>) => ({ datasetId: ID, limit: 10, offset: 0, ...patch });

const EXPORT_REQUEST = {
  datasetName: 'street-scenes',
  name: 'nightly',
  format: 'coco',
  includeImages: false,
  classFilter: null,
  statusFilter: null,
};
const exportRequest = (patch: Record<string, unknown>) => ({ request: { ...EXPORT_REQUEST, ...patch } });

/** Issue 11's channels: exports, uploads and API keys. */
const EXPORTS_UPLOADS_KEYS_BAD: Partial<Record<ChannelName, [string, unknown][]>> = {
  'exports:create': [
    ['missing request', {}],
    ['blank name', exportRequest({ name: '   ' })],
    ['name of 101 characters', exportRequest({ name: 'x'.repeat(101) })],
    ['unknown format', exportRequest({ format: 'tfrecord' })],
    ['empty class filter', exportRequest({ classFilter: [] })],
    ['class filter a string', exportRequest({ classFilter: 'car' })],
    ['unknown status filter', exportRequest({ statusFilter: 'done' })],
    ['includeImages as text', exportRequest({ includeImages: 'yes' })],
    ['snake_case wire fields', { request: { ...EXPORT_REQUEST, dataset_name: 'x' } }],
    ['follow as text', { request: EXPORT_REQUEST, follow: 'yes' }],
  ],
  'exports:list': [
    ['missing datasetName', {}],
    ['datasetName 1 MB', { datasetName: MB }],
  ],
  'exports:download': [
    ['missing folder', { exportId: ID }],
    ['empty folder', { exportId: ID, folder: '' }],
    ['folder 1 MB', { exportId: ID, folder: MB }],
    ['folder an array', { exportId: ID, folder: ['/tmp'] }],
  ],
  'exports:cancelDownload': [['missing downloadId', {}]],
  'uploads:add': [
    ['no paths', { datasetId: ID, paths: [] }],
    ['paths a string', { datasetId: ID, paths: '/tmp/a.jpg' }],
    ['10 001 paths', { datasetId: ID, paths: Array.from({ length: 10_001 }, (_, i) => `/tmp/${i}.jpg`) }],
    ['a path of 1 MB', { datasetId: ID, paths: [MB] }],
    ['directory without a leading slash', { datasetId: ID, paths: ['/tmp/a.jpg'], directory: 'inbox' }],
    ['unknown duplicate choice', { datasetId: ID, paths: ['/tmp/a.jpg'], duplicates: 'overwrite' }],
  ],
  'uploads:cancel': [
    ['neither batch nor item', {}],
    ['both batch and item', { batchId: ID, itemId: ID }],
  ],
  'apiKeys:create': [
    ['missing role', { name: 'ci' }],
    ['unknown role', { name: 'ci', role: 'root' }],
    ['blank name', { name: ' ', role: 'viewer' }],
    ['rate limit 0', { name: 'ci', role: 'viewer', rateLimit: 0 }],
    ['rate limit over 100 000', { name: 'ci', role: 'viewer', rateLimit: 100_001 }],
    ['expiry not a timestamp', { name: 'ci', role: 'viewer', expiresAt: 'tomorrow' }],
  ],
  'apiKeys:revoke': [
    ['missing keyId', {}],
    ['keyId 1 MB', { keyId: MB }],
  ],
  'dialog:pickFolder': [
    ['missing purpose', {}],
    ['unknown purpose', { purpose: 'anything' }],
    ['a default path smuggled in', { purpose: 'export', defaultPath: '/etc' }],
  ],
  'dialog:pickFiles': [
    ['missing purpose', {}],
    ['purpose export', { purpose: 'export' }],
  ],
  'shell:showItem': [
    ['missing path', {}],
    ['empty path', { path: '' }],
    ['path a number', { path: 7 }],
    ['path 1 MB', { path: `/${MB}` }],
  ],
};

/** Per-channel inputs that are wrong only for that channel's schema. */
/** The renderer's menu descriptors (issue 12): every field bounded, ids plain, groups known. */
const menuAction = (patch: Record<string, unknown> = {}) => ({
  actions: [{ id: 'app.theme', label: 'Theme', group: 'View', keys: ['Shift+T'], enabled: true, ...patch }],
});
const DESKTOP_BAD: Partial<Record<ChannelName, [string, unknown][]>> = {
  'menu:setActions': [
    ['actions missing', {}],
    ['actions not a list', { actions: 'all' }],
    ['unknown group', menuAction({ group: 'Window' })],
    ['id with markup', menuAction({ id: '<img src=x>' })],
    ['id with a path', menuAction({ id: '../../etc' })],
    ['id 1 MB', menuAction({ id: MB })],
    ['blank label', menuAction({ label: '   ' })],
    ['label 1 MB', menuAction({ label: MB })],
    ['enabled not a boolean', menuAction({ enabled: 'yes' })],
    ['a run function smuggled in', menuAction({ run: 'alert(1)' })],
    ['nine shortcuts', menuAction({ keys: Array.from({ length: 9 }, (_, i) => `Mod+${i}`) })],
    ['shortcut 1 MB', menuAction({ keys: [MB] })],
    ['duplicate ids', { actions: [...menuAction().actions, ...menuAction().actions] }],
    [
      '401 actions',
      { actions: Array.from({ length: 401 }, (_, i) => ({ ...menuAction().actions[0], id: `a.n${i}` })) },
    ],
  ],
  'deepLink:take': [['an argument', { url: 'pictograph-review://open' }]],
  'clipboard:copyDiagnostics': [['text to copy', { text: 'evil' }]],
};

const CHANNEL_BAD: Partial<Record<ChannelName, [string, unknown][]>> = {
  'connection:connect': [
    ['missing apiKey', { baseUrl: 'http://127.0.0.1:1' }],
    ['missing baseUrl', { apiKey: 'pk_live_x' }],
    ['apiKey a number', { baseUrl: 'http://h', apiKey: 12345 }],
    ['baseUrl an array', { baseUrl: ['http://h'], apiKey: 'k' }],
    ['baseUrl 1 MB', { baseUrl: `http://${MB}`, apiKey: 'k' }],
    ['apiKey 1 MB', { baseUrl: 'http://h', apiKey: MB }],
    ['blank apiKey', { baseUrl: 'http://h', apiKey: '   ' }],
    ['empty profileId', { profileId: '', baseUrl: 'http://h', apiKey: 'k' }],
    ['name 1 MB', { name: MB, baseUrl: 'http://h', apiKey: 'k' }],
    ['an extra field', { baseUrl: 'http://h', apiKey: 'k', remember: true }],
    ['a nested __proto__', { baseUrl: 'http://h', apiKey: 'k', name: JSON.parse('{"__proto__":{}}') }],
  ],
  'connection:resume': [
    ['missing profileId', {}],
    ['profileId a number', { profileId: 7 }],
    ['profileId 1 MB', { profileId: MB }],
    ['profileId an object', { profileId: { id: 'demo' } }],
  ],
  'datasets:list': [
    ['refresh a string', { refresh: 'yes' }],
    ['refresh null', { refresh: null }],
    ['an unknown field', { refresh: true, force: true }],
  ],
  'datasets:get': [
    ['missing datasetId', {}],
    ['datasetId null', { datasetId: null }],
    ['datasetId empty', { datasetId: '' }],
    ['datasetId 1 MB', { datasetId: MB }],
  ],
  'images:page': [
    ['negative limit', page({ limit: -1 })],
    ['fractional limit', page({ limit: 1.5 })],
    ['NaN limit', page({ limit: Number.NaN })],
    ['Infinity limit', page({ limit: Number.POSITIVE_INFINITY })],
    ['limit over 1000', page({ limit: 1001 })],
    ['limit as text', page({ limit: '10' })],
    ['negative offset', page({ offset: -5 })],
    ['fractional offset', page({ offset: 0.5 })],
    ['Infinity offset', page({ offset: Number.POSITIVE_INFINITY })],
    ['missing offset', { datasetId: ID, limit: 10 }],
    ['filters an array', page({ filters: [] })],
    ['unknown status filter', page({ filters: { status: 'archived' } })],
    ['NaN confidence filter', page({ filters: { minConfidenceLt: Number.NaN } })],
    ['confidence filter above 1', page({ filters: { minConfidenceLt: 2 } })],
    ['an unknown filter', page({ filters: { color: 'red' } })],
    ['directoryPath 1 MB', page({ filters: { directoryPath: MB } })],
    ['includeArchived as text', page({ filters: { includeArchived: 'true' } })],
  ],
  'images:metadata': [
    ['missing imageId', {}],
    ['imageId a number', { imageId: 1 }],
    ['imageId 1 MB', { imageId: MB }],
  ],
  'annotations:get': [
    ['missing imageId', {}],
    ['imageId an array', { imageId: [ID] }],
  ],
  'drafts:stash': [
    ['unknown state', { imageId: ID, state: 'saved' }],
    ['missing state', { imageId: ID }],
    ['clean with a list', { imageId: ID, state: 'clean', full: [] }],
    ['dirty without seq', { imageId: ID, state: 'dirty', baseEtag: null, full: [] }],
    ['seq zero', { imageId: ID, state: 'dirty', seq: 0, baseEtag: null, full: [] }],
    ['seq fractional', { imageId: ID, state: 'dirty', seq: 1.5, baseEtag: null, full: [] }],
    ['neither full nor changes', { imageId: ID, state: 'dirty', seq: 2, baseEtag: null }],
    ['both full and changes', { imageId: ID, state: 'dirty', seq: 2, baseEtag: null, full: [], after: 1, changes: [] }],
    ['changes without after', { imageId: ID, state: 'dirty', seq: 2, baseEtag: null, changes: [] }],
    ['after not earlier', { imageId: ID, state: 'dirty', seq: 2, baseEtag: null, after: 2, changes: [] }],
    [
      'record with a NaN',
      {
        imageId: ID,
        state: 'dirty',
        seq: 2,
        baseEtag: null,
        after: 1,
        changes: [{ id: 'a1', record: bbox({ bounding_box: { x: Number.NaN, y: 0, w: 1, h: 1 } }) }],
      },
    ],
    [
      'change id 1 MB',
      { imageId: ID, state: 'dirty', seq: 2, baseEtag: null, after: 1, changes: [{ id: MB, record: null }] },
    ],
    [
      '10 001 in full',
      {
        imageId: ID,
        state: 'dirty',
        seq: 1,
        baseEtag: null,
        full: Array.from({ length: 10_001 }, (_, i) => bbox({ id: `a${i}` })),
      },
    ],
    [
      'order 10 001 ids',
      {
        imageId: ID,
        state: 'dirty',
        seq: 2,
        baseEtag: null,
        after: 1,
        changes: [],
        order: Array.from({ length: 10_001 }, (_, i) => `a${i}`),
      },
    ],
    ['baseEtag 1 MB', { imageId: ID, state: 'dirty', seq: 1, baseEtag: MB, full: [] }],
  ],
  'annotations:save': [
    ['missing ifMatch', { imageId: ID, annotations: [] }],
    ['draftSeq zero', save({ draftSeq: 0 })],
    ['draftSeq as text', save({ draftSeq: '3' })],
    ['annotations an object', save({ annotations: { a1: bbox() } })],
    ['annotation without id', save({ annotations: [{ name: 'car', type: 'bbox' }] })],
    ['annotation id 1 MB', save({ annotations: [bbox({ id: MB })] })],
    ['NaN coordinate', save({ annotations: [bbox({ bounding_box: { x: Number.NaN, y: 0, w: 1, h: 1 } })] })],
    [
      'Infinity coordinate',
      save({ annotations: [bbox({ bounding_box: { x: 0, y: Number.POSITIVE_INFINITY, w: 1, h: 1 } })] }),
    ],
    ['coordinate as text', save({ annotations: [bbox({ bounding_box: { x: '0', y: 0, w: 1, h: 1 } })] })],
    ['extra key in a box', save({ annotations: [bbox({ bounding_box: { x: 0, y: 0, w: 1, h: 1, z: 0 } })] })],
    [
      'NaN polygon point',
      save({
        annotations: [
          {
            id: 'p',
            name: 'road',
            type: 'polygon',
            polygon: { paths: [[point(0, 0), point(Number.NaN, 1), point(2, 2)]] },
          },
        ],
      }),
    ],
    [
      'polygon paths an object',
      save({ annotations: [{ id: 'p', name: 'road', type: 'polygon', polygon: { paths: { 0: [] } } }] }),
    ],
    ['confidence above 1', save({ annotations: [bbox({ confidence: 1.5 })] })],
    ['confidence Infinity', save({ annotations: [bbox({ confidence: Number.POSITIVE_INFINITY })] })],
    ['10 001 annotations', save({ annotations: Array.from({ length: 10_001 }, (_, i) => bbox({ id: `a${i}` })) })],
    [
      '__proto__ inside an annotation',
      save({ annotations: [JSON.parse('{"id":"a","name":"car","type":"bbox","__proto__":{"x":1}}')] }),
    ],
    ['constructor inside attributes', save({ annotations: [bbox({ attributes: { constructor: 'x' } })] })],
    ['ifMatch 1 MB', save({ ifMatch: MB })],
    ['ifMatch a number', save({ ifMatch: 5 })],
  ],
  'review:submit': [
    ['unknown action', { imageId: ID, action: 'reject' }],
    ['missing action', { imageId: ID }],
    ['note 1 MB', { imageId: ID, action: 'approve', note: MB }],
    ['note a number', { imageId: ID, action: 'approve', note: 1 }],
  ],
  'catalog:query': [
    ['missing query', { datasetId: ID, offset: 0, limit: 10 }],
    ['limit 0', { datasetId: ID, query: {}, offset: 0, limit: 0 }],
    ['limit over 1000', { datasetId: ID, query: {}, offset: 0, limit: 1001 }],
    ['negative offset', { datasetId: ID, query: {}, offset: -1, limit: 10 }],
    ['unknown sort', { datasetId: ID, query: { sort: 'random' }, offset: 0, limit: 10 }],
    ['unknown status', { datasetId: ID, query: { statuses: ['archived'] }, offset: 0, limit: 10 }],
    ['statuses a string', { datasetId: ID, query: { statuses: 'new' }, offset: 0, limit: 10 }],
    ['too many statuses', { datasetId: ID, query: { statuses: ['new', 'new', 'new', 'new'] }, offset: 0, limit: 10 }],
    ['confidence NaN', { datasetId: ID, query: { confidenceBelow: Number.NaN }, offset: 0, limit: 10 }],
    ['confidence above 1', { datasetId: ID, query: { confidenceBelow: 1.5 }, offset: 0, limit: 10 }],
    ['empty filename', { datasetId: ID, query: { filename: '' }, offset: 0, limit: 10 }],
    ['filename 1 MB', { datasetId: ID, query: { filename: MB }, offset: 0, limit: 10 }],
    ['directory 1 MB', { datasetId: ID, query: { directory: MB }, offset: 0, limit: 10 }],
    [
      '201 class names',
      { datasetId: ID, query: { classNames: Array.from({ length: 201 }, (_, i) => `c${i}`) }, offset: 0, limit: 10 },
    ],
    ['an empty class name', { datasetId: ID, query: { classNames: [''] }, offset: 0, limit: 10 }],
    ['descending as text', { datasetId: ID, query: { descending: 'yes' }, offset: 0, limit: 10 }],
    ['an unknown query field', { datasetId: ID, query: { color: 'red' }, offset: 0, limit: 10 }],
  ],
  'catalog:position': [
    ['missing imageId', { datasetId: ID, query: {} }],
    ['span 0', { datasetId: ID, query: {}, imageId: ID, span: 0 }],
    ['span 11', { datasetId: ID, query: {}, imageId: ID, span: 11 }],
    ['span fractional', { datasetId: ID, query: {}, imageId: ID, span: 1.5 }],
    ['query null', { datasetId: ID, query: null, imageId: ID }],
  ],
  'catalog:folders': [['datasetId 1 MB', { datasetId: MB }]],
  'catalog:status': [['datasetId a number', { datasetId: 1 }]],
  'catalog:refresh': [
    ['force as text', { datasetId: ID, force: 'true' }],
    ['missing datasetId', { force: true }],
  ],
  'browse:getState': [['datasetId empty', { datasetId: '' }]],
  'browse:saveState': [
    ['missing state', { datasetId: ID }],
    ['unknown view', { datasetId: ID, state: { query: {}, view: 'mosaic' } }],
    ['query with an unknown sort', { datasetId: ID, state: { query: { sort: 'random' }, view: 'grid' } }],
    ['an extra state field', { datasetId: ID, state: { query: {}, view: 'grid', zoom: 3 } }],
  ],
  'settings:update': [
    ['unknown theme', { theme: 'sepia' }],
    ['cache limit below 256 MiB', { cacheLimitBytes: 1024 }],
    ['cache limit above 1 TiB', { cacheLimitBytes: 2 * 1024 ** 4 }],
    ['cache limit fractional', { cacheLimitBytes: 300 * 1024 * 1024 + 0.5 }],
    ['cache limit Infinity', { cacheLimitBytes: Number.POSITIVE_INFINITY }],
    ['cache limit as text', { cacheLimitBytes: '5GB' }],
  ],
  'sync:resolve': [
    ['missing choice', { conflictId: 1 }],
    ['missing conflictId', { choice: 'mine' }],
    ['conflictId 0', { conflictId: 0, choice: 'mine' }],
    ['conflictId fractional', { conflictId: 1.5, choice: 'mine' }],
    ['conflictId as text', { conflictId: '1', choice: 'mine' }],
    ['conflictId Infinity', { conflictId: Number.POSITIVE_INFINITY, choice: 'mine' }],
    ['unknown choice', { conflictId: 1, choice: 'both' }],
    ['choices an object', { conflictId: 1, choice: { choices: { a1: 'mine' } } }],
    ['a choice with an unknown side', { conflictId: 1, choice: { choices: [{ annotationId: 'a1', take: 'both' }] } }],
    ['a choice with an empty id', { conflictId: 1, choice: { choices: [{ annotationId: '', take: 'mine' }] } }],
    ['a choice id 1 MB', { conflictId: 1, choice: { choices: [{ annotationId: MB, take: 'mine' }] } }],
    [
      '10 001 choices',
      {
        conflictId: 1,
        choice: { choices: Array.from({ length: 10_001 }, (_, i) => ({ annotationId: `a${i}`, take: 'mine' })) },
      },
    ],
    ['an extra field in a choice', { conflictId: 1, choice: { choices: [{ annotationId: 'a', take: 'mine', x: 1 }] } }],
  ],
  ...EXPORTS_UPLOADS_KEYS_BAD,
  ...Object.fromEntries(
    (['offline:enable', 'offline:disable', 'offline:pause', 'offline:resume', 'offline:cancel'] as const).map((c) => [
      c,
      [
        ['missing datasetId', {}],
        ['datasetId empty', { datasetId: '' }],
        ['datasetId 1 MB', { datasetId: MB }],
        ['datasetId a number', { datasetId: 7 }],
      ],
    ]),
  ),
  ...DESKTOP_BAD,
  'media:url': [
    ['unknown variant', { imageId: ID, variant: 'original' }],
    ['missing variant', { imageId: ID }],
    ['imageId 1 MB', { imageId: MB, variant: 'full' }],
  ],
};

/** A well-formed request per channel, for the "signed out" table. */
const VALID: Record<ChannelName, unknown> = {
  'app:info': {},
  'app:diagnostics': {},
  'connection:status': {},
  'connection:profiles': {},
  'connection:connect': { baseUrl: 'http://127.0.0.1:1', apiKey: 'k' },
  'connection:resume': { profileId: 'cloud' },
  'connection:openDemo': {},
  'connection:disconnect': {},
  'datasets:list': { refresh: true },
  'datasets:get': { datasetId: ID },
  'images:page': page({}),
  'images:metadata': { imageId: ID },
  'annotations:get': { imageId: ID },
  'annotations:save': save({}),
  'drafts:stash': { imageId: ID, state: 'dirty', seq: 1, baseEtag: null, full: [bbox()] },
  'review:submit': { imageId: ID, action: 'approve' },
  'media:url': { imageId: ID, variant: 'full' },
  'rateLimit:get': {},
  'catalog:query': { datasetId: ID, query: {}, offset: 0, limit: 100 },
  'catalog:position': { datasetId: ID, query: {}, imageId: ID },
  'catalog:folders': { datasetId: ID },
  'catalog:status': { datasetId: ID },
  'catalog:refresh': { datasetId: ID },
  'catalog:cacheInfo': {},
  'browse:getState': { datasetId: ID },
  'browse:saveState': { datasetId: ID, state: { query: {}, view: 'grid' } },
  'settings:get': {},
  'settings:update': { theme: 'light' },
  'sync:status': {},
  'sync:flush': {},
  'sync:conflicts': {},
  'sync:resolve': { conflictId: 1, choice: 'mine' },
  'catalog:clear': {},
  'offline:enable': { datasetId: ID },
  'offline:disable': { datasetId: ID },
  'offline:status': {},
  'offline:pause': { datasetId: ID },
  'offline:resume': { datasetId: ID },
  'offline:cancel': { datasetId: ID },
  'exports:create': { request: EXPORT_REQUEST },
  'exports:list': { datasetName: 'street-scenes' },
  'exports:get': { exportId: ID },
  'exports:delete': { exportId: ID },
  'exports:follow': { exportId: ID },
  'exports:unfollow': { exportId: ID },
  'exports:download': { exportId: ID, folder: '/tmp' },
  'exports:cancelDownload': { downloadId: ID },
  'exports:downloads': {},
  'uploads:add': { datasetId: ID, paths: ['/tmp/a.jpg'] },
  'uploads:list': {},
  'uploads:cancel': { batchId: ID },
  'uploads:clear': {},
  'apiKeys:list': {},
  'apiKeys:create': { name: 'ci', role: 'viewer' },
  'apiKeys:revoke': { keyId: ID },
  'dialog:pickFolder': { purpose: 'export' },
  'dialog:pickFiles': { purpose: 'upload' },
  'shell:showItem': { path: '/tmp/x.zip' },
  'menu:setActions': menuAction(),
  'deepLink:take': {},
  'clipboard:copyDiagnostics': {},
};

let dir: string;
let core: MainCore;
let router: Router;
const logs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bad-input-'));
  core = await createMainCore({
    userDataDir: dir,
    appOrigin: APP,
    host: 'harness',
    version: '0.0.0-test',
    emit: () => {},
    keychainService: `pictograph-test-${randomUUID()}`,
  });
  router = createRouter({
    handlers: core.handlers,
    isTrustedSender: trustedOrigin(APP),
    log: (level, message) => logs.push(`${level} ${message}`),
  });
});
afterAll(async () => {
  await core.dispose();
  await rm(dir, { recursive: true, force: true });
});

const cases = channelNames.flatMap((channel) =>
  [...UNIVERSAL_BAD, ...(CHANNEL_BAD[channel] ?? [])].map(([label, request]) => [channel, label, request] as const),
);

describe('every channel refuses malformed requests through the router', () => {
  it('covers every channel of the contract', () => {
    expect(new Set(cases.map(([c]) => c))).toEqual(new Set(channelNames));
  });

  it.each(cases)('%s: %s → invalid_request', async (channel, label, request) => {
    const result = await router.dispatch(channel, request, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    // A 1 MB value (or key name) never comes back whole in the message.
    expect(result.error.message.length).toBeLessThan(2_000);
  });

  it('nothing crashed: no handler threw, and the app still answers', async () => {
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(await router.dispatch('app:info', {}, ctx)).toMatchObject({
      ok: true,
      value: { name: 'Pictograph Review', host: 'harness' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('signed out, well-formed calls that need a connection answer not_connected', () => {
  const needsConnection: ChannelName[] = [
    'datasets:list',
    'datasets:get',
    'images:page',
    'images:metadata',
    'annotations:get',
    'annotations:save',
    'drafts:stash',
    'review:submit',
    'sync:conflicts',
    'sync:resolve',
    'offline:enable',
    'offline:disable',
    'offline:status',
    'offline:pause',
    'offline:resume',
    'offline:cancel',
    'exports:create',
    'exports:list',
    'exports:get',
    'exports:delete',
    'exports:follow',
    'uploads:add',
    'apiKeys:list',
    'apiKeys:create',
    'apiKeys:revoke',
  ];

  it.each(needsConnection)('%s', async (channel) => {
    expect(await router.dispatch(channel, VALID[channel], ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
  });

  it('channels that work signed out answer normally', async () => {
    expect(await router.dispatch('connection:status', VALID['connection:status'], ctx)).toMatchObject({
      ok: true,
      value: { state: 'signed-out', keyPrefix: null },
    });
    expect(await router.dispatch('rateLimit:get', {}, ctx)).toEqual({ ok: true, value: null });
    expect(await router.dispatch('menu:setActions', VALID['menu:setActions'], ctx)).toEqual({
      ok: true,
      value: { items: 1 },
    });
    expect(await router.dispatch('deepLink:take', {}, ctx)).toEqual({ ok: true, value: null });
    expect(await router.dispatch('media:url', VALID['media:url'], ctx)).toEqual({
      ok: true,
      value: { url: `${APP}/media/${ID}/full` },
    });
    const profiles = await router.dispatch('connection:profiles', {}, ctx);
    expect(profiles).toMatchObject({
      ok: true,
      value: [
        { id: 'demo', hasKey: false },
        { id: 'cloud', hasKey: false },
      ],
    });
  });

  it('a key that is not a Pictograph key is refused before any network call', async () => {
    const result = await router.dispatch(
      'connection:connect',
      { baseUrl: 'http://127.0.0.1:1', apiKey: 'hunter2\nX-Evil: 1' },
      ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_api_key' } });
  });

  it('a resume of an unknown profile is not_found, of a profile without a key is not_connected', async () => {
    expect(await router.dispatch('connection:resume', { profileId: 'nope' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await router.dispatch('connection:resume', { profileId: 'cloud' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
  });

  it('shell:showItem refuses any path the app did not download; pickers without a desktop answer null', async () => {
    for (const path of ['/etc/passwd', dir, 'relative.zip', '/tmp/../etc/shadow']) {
      expect(await router.dispatch('shell:showItem', { path }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'Only files this app downloaded can be shown in their folder.' },
      });
    }
    expect(await router.dispatch('dialog:pickFolder', { purpose: 'upload' }, ctx)).toEqual({ ok: true, value: null });
    expect(await router.dispatch('dialog:pickFiles', { purpose: 'upload' }, ctx)).toEqual({ ok: true, value: null });
  });

  it('media for a signed-out session is 401 and an unknown media URL 404, never a throw', async () => {
    expect((await core.resolveMedia({ url: `${APP}/media/${ID}/full`, headers: {} })).status).toBe(401);
    expect((await core.resolveMedia({ url: `${APP}/media/${ID}/huge`, headers: {} })).status).toBe(404);
    expect((await core.resolveMedia({ url: 'javascript:alert(1)', headers: {} })).status).toBe(404);
    expect((await core.resolveMedia({ url: `${APP}/media/${encodeURIComponent(MB)}/full`, headers: {} })).status).toBe(
      404,
    );
  });
});
