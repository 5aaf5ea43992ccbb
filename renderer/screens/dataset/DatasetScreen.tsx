import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ImageMeta } from '../../../shared/api';
import type { BrowseView, CatalogIndexStatus, CatalogQuery, FolderCount } from '../../../shared/ipc';
import { useRegisterActions } from '../../actions/useRegisterActions';
import { ActionButton } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ArrowLeftIcon, GridIcon, ListIcon, RefreshIcon } from '../../components/icons';
import {
  loadFolders,
  queryCatalog,
  refreshCatalog,
  restoreBrowseState,
  saveBrowseState,
} from '../../store/actions/browseActions';
import {
  selectBrowseQuery,
  selectBrowseRestored,
  selectBrowseView,
  selectCatalogChanges,
  selectCatalogIndex,
} from '../../store/browseSlice';
import { selectOpenDataset } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { browserActions } from './browserActions';
import { BrowserSkeleton, NoImages, NoMatches } from './BrowserStates';
import { hasFilters, querySignature, withField, withoutFilters } from './browseQuery';
import { CatalogRows } from './catalogRows';
import { FilterBar, SEARCH_FIELD_ID } from './FilterBar';
import { FolderPanel } from './FolderPanel';
import { ImageGrid } from './ImageGrid';
import { ImageList } from './ImageList';
import { ClassCoverage, IndexingStatus, MatchCount } from './BrowserHeader';
import { OfflineToggle } from '../sync/OfflineToggle';
import { ExportsButton } from '../exports/ExportsButton';
import { AddImagesButtons } from '../uploads/AddImagesButtons';
import { UploadArea } from '../uploads/UploadArea';
import { useUploadDrop } from '../uploads/useUploadDrop';
import { useImageContextMenu } from './ImageContextMenu';
import './DatasetScreen.css';

/** Saving the filters waits for a pause, so dragging through sorts writes once. */
const SAVE_DELAY_MS = 400;

/** Where each dataset's view was (query, view, scroll, active row), so returning from the viewer lands there. */
const memory = new Map<string, { key: string; offset: number; active: number }>();

/**
 * Rows are refetched when the catalog has grown under them: every ~5,000 rows while indexing and
 * once when an index completes. Between those the cached pages stay (no flicker while scrolling).
 */
function indexEpoch(index: CatalogIndexStatus | null): string {
  if (!index) return 'none';
  if (index.state === 'ready') return `ready:${index.indexedAt ?? ''}`;
  return `${index.state}:${Math.ceil(index.indexed / 5000)}`;
}

/** The dataset browser: filters and folders, a virtual grid or list of 100,000 images, indexing progress. */
export function DatasetScreen({ datasetId }: { datasetId: string }) {
  const dataset = useAppStore(selectOpenDataset);
  const query = useAppStore(selectBrowseQuery(datasetId));
  const view = useAppStore(selectBrowseView(datasetId));
  const restored = useAppStore(selectBrowseRestored(datasetId));
  const index = useAppStore(selectCatalogIndex(datasetId));
  const signature = querySignature(query);
  const changes = useAppStore(selectCatalogChanges(datasetId));
  const epoch = `${indexEpoch(index)}|${changes}`;
  const memoryKey = `${signature}|${view}`;

  const rows = useMemo(() => new CatalogRows(datasetId, query, queryCatalog), [datasetId, query]);
  useEffect(() => {
    rows.start();
    return () => rows.dispose();
  }, [rows]);
  // A grown or revalidated catalog: the same source refetches what is in view, in place.
  const seenEpoch = useRef<{ rows: CatalogRows; epoch: string } | null>(null);
  useEffect(() => {
    const last = seenEpoch.current;
    seenEpoch.current = { rows, epoch };
    if (last && last.rows === rows && last.epoch !== epoch) rows.refresh();
  }, [rows, epoch]);
  useSyncExternalStore(rows.subscribe, rows.getVersion);
  const rowsState = rows.state;

  const remembered = memory.get(datasetId);
  const [activeState, setActiveState] = useState(() => ({
    key: memoryKey,
    index: remembered?.key === memoryKey ? remembered.active : 0,
  }));
  const active = activeState.key === memoryKey ? activeState.index : 0;
  const setActive = useCallback(
    (next: number) => {
      setActiveState({ key: memoryKey, index: next });
      const old = memory.get(datasetId);
      memory.set(datasetId, { key: memoryKey, offset: old?.key === memoryKey ? old.offset : 0, active: next });
    },
    [datasetId, memoryKey],
  );
  const rememberScroll = useCallback(
    (offset: number) => {
      const old = memory.get(datasetId);
      memory.set(datasetId, { key: memoryKey, offset, active: old?.key === memoryKey ? old.active : 0 });
    },
    [datasetId, memoryKey],
  );
  const initialOffset = remembered?.key === memoryKey ? remembered.offset : 0;

  const [folders, setFolders] = useState<{ key: string; value: FolderCount[] } | null>(null);
  const foldersKey = `${datasetId}|${index?.state === 'ready' ? (index.indexedAt ?? '') : epoch}`;

  useEffect(() => {
    void restoreBrowseState(appStore, datasetId);
    void refreshCatalog(appStore, datasetId);
  }, [datasetId]);

  useEffect(() => {
    let live = true;
    void loadFolders(datasetId).then((result) => {
      if (live) setFolders({ key: foldersKey, value: result.ok ? result.value : [] });
    });
    return () => {
      live = false;
    };
  }, [datasetId, foldersKey]);

  useEffect(() => {
    if (!restored) return;
    const timer = window.setTimeout(() => void saveBrowseState(appStore, datasetId, { query, view }), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [datasetId, restored, query, view]);

  const setQuery = useCallback(
    (next: CatalogQuery) => appStore.getState().browseQueryChanged(datasetId, next),
    [datasetId],
  );
  const setView = useCallback(
    (next: BrowseView) => appStore.getState().browseViewChanged(datasetId, next),
    [datasetId],
  );
  const open = useCallback((image: ImageMeta) => appStore.getState().imageOpened(datasetId, image.id), [datasetId]);
  const imageMenu = useImageContextMenu({ datasetId, active, row: (index) => rows.row(index), setActive, open });

  const filtered = hasFilters(query);
  // Files and folders dropped anywhere on the browser go to this dataset (after a confirmation).
  const upload = useUploadDrop(datasetId);
  useRegisterActions(
    browserActions({
      view,
      setView,
      focusSearch: () => {
        const search = document.getElementById(SEARCH_FIELD_ID);
        if (search instanceof HTMLInputElement) {
          search.focus();
          search.select();
        }
      },
      viewHasFocus: () => document.activeElement?.closest('.browser__content') != null,
      canOpen: () => rows.row(active) !== undefined,
      openActive: () => {
        const image = rows.row(active);
        if (image) open(image);
      },
      back: () => appStore.getState().datasetsShown(),
      filtered,
      clearFilters: () => setQuery(withoutFilters(query)),
      refresh: () => void refreshCatalog(appStore, datasetId, true),
    }),
  );

  const matched = rowsState.total ?? 0;
  const datasetTotal = index?.total ?? dataset?.image_count ?? null;
  const viewProps = {
    rows,
    count: matched,
    active,
    label: `Images in ${dataset?.name ?? 'this dataset'}`,
    onActiveChange: setActive,
    onOpen: open,
    initialOffset,
    onScrollOffset: rememberScroll,
  };

  return (
    <section className="browser" data-testid="dataset.screen" data-dataset-id={datasetId} {...upload.dropProps}>
      <header className="browser__header">
        <div className="browser__title-row">
          <ActionButton actionId="browser.back" showLabel testId="dataset.back">
            <ArrowLeftIcon size={14} />
          </ActionButton>
          <h1 className="browser__title">{dataset?.name ?? 'Dataset'}</h1>
          {rowsState.total !== null ? <MatchCount matched={matched} total={datasetTotal} filtered={filtered} /> : null}
          <IndexingStatus index={index} />
          <span className="browser__spacer" />
          <OfflineToggle datasetId={datasetId} />
          <AddImagesButtons datasetId={datasetId} />
          <ExportsButton />
          {filtered ? <ActionButton actionId="browser.clearFilters" showLabel testId="browser.clearFilters" /> : null}
          <ActionButton actionId="browser.refresh" testId="browser.refresh">
            <RefreshIcon size={14} />
          </ActionButton>
          <div className="segmented segmented--icons" role="group" aria-label="View">
            <ActionButton
              actionId="browser.view.grid"
              className="segmented__option"
              pressed={view === 'grid'}
              testId="browser.view.grid"
            >
              <GridIcon size={15} />
            </ActionButton>
            <ActionButton
              actionId="browser.view.list"
              className="segmented__option"
              pressed={view === 'list'}
              testId="browser.view.list"
            >
              <ListIcon size={15} />
            </ActionButton>
          </div>
        </div>
        <FilterBar key={datasetId} query={query} classes={dataset?.classes ?? []} onChange={setQuery} />
        {query.classNames?.length && rowsState.annotationsKnown !== undefined ? (
          <ClassCoverage known={rowsState.annotationsKnown} total={datasetTotal} />
        ) : null}
      </header>

      <div className="browser__body">
        <FolderPanel
          key={datasetId}
          folders={folders?.value ?? null}
          selected={query.directory}
          onSelect={(directory) => setQuery(withField(query, 'directory', directory))}
        />
        <div className="browser__content" data-view={view} {...imageMenu.contentProps}>
          {rowsState.error && rowsState.total !== null ? (
            <ErrorPanel
              compact
              error={rowsState.error}
              testId="browser.pageError"
              actions={
                <button type="button" className="btn btn--small" onClick={() => rows.retry()}>
                  Try again
                </button>
              }
            />
          ) : null}
          {!restored || rowsState.state === 'loading' ? (
            <BrowserSkeleton />
          ) : rowsState.state === 'failed' && rowsState.error ? (
            <ErrorPanel
              error={rowsState.error}
              testId="dataset.error"
              actions={
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => rows.retry()}
                  data-testid="dataset.retry"
                >
                  <RefreshIcon size={14} /> Try again
                </button>
              }
            />
          ) : matched === 0 ? (
            filtered ? (
              <NoMatches onClear={() => setQuery(withoutFilters(query))} />
            ) : (
              <NoImages indexing={index?.state === 'indexing'} />
            )
          ) : view === 'grid' ? (
            <ImageGrid key={memoryKey} {...viewProps} />
          ) : (
            <ImageList key={memoryKey} {...viewProps} />
          )}
        </div>
      </div>
      <UploadArea datasetId={datasetId} dragging={upload.dragging} />
      {imageMenu.menu}
    </section>
  );
}
