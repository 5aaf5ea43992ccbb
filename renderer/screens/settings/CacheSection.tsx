import { useEffect, useState } from 'react';
import { formatBytes } from '../../format/numbers';
import { clearCache, loadCacheInfo, setCacheLimit } from '../../store/actions/syncActions';
import { appStore, useAppStore } from '../../store/useAppStore';

const GIB = 1024 ** 3;
/** The limits offered (settings:update accepts 256 MiB – 1 TiB). */
const LIMIT_CHOICES_GIB = [1, 2, 5, 10, 20, 50, 100];

/**
 * The local cache (issue 10): how much it holds, its size limit, and "Clear the cache", which keeps
 * datasets available offline and everything queued edits or conflicts need (catalog:clear).
 */
export function CacheSettingsSection() {
  return (
    <section className="settings__section" aria-labelledby="settings-cache">
      <h3 id="settings-cache" className="settings__heading">
        Cache and offline data
      </h3>
      <CacheSection />
    </section>
  );
}

function CacheSection() {
  const info = useAppStore((state) => state.cacheInfo);
  const [busy, setBusy] = useState(false);
  const [cleared, setCleared] = useState(false);
  useEffect(() => void loadCacheInfo(appStore), []);
  const limitGib = info ? info.limitBytes / GIB : null;
  const choices =
    limitGib !== null && !LIMIT_CHOICES_GIB.includes(limitGib)
      ? [...LIMIT_CHOICES_GIB, limitGib].sort((a, b) => a - b)
      : LIMIT_CHOICES_GIB;
  return (
    <div className="settings__cache" data-testid="settings.cache">
      <p data-testid="settings.cache.size">
        {info
          ? `Images and thumbnails: ${formatBytes(info.blobBytes)} of ${formatBytes(info.limitBytes)}; catalog: ${formatBytes(info.catalogBytes)}.`
          : 'Reading the cache size…'}
      </p>
      <label>
        Size limit{' '}
        <select
          value={limitGib ?? ''}
          disabled={!info || busy}
          data-testid="settings.cache.limit"
          onChange={(event) => {
            setBusy(true);
            void setCacheLimit(appStore, Math.round(Number(event.target.value) * GIB)).finally(() => setBusy(false));
          }}
        >
          {choices.map((gib) => (
            <option key={gib} value={gib}>
              {gib < 1 ? `${Math.round(gib * 1024)} MB` : `${gib} GB`}
            </option>
          ))}
        </select>
      </label>
      <p className="sync-details__muted">
        Past the limit the least recently used images go first. Datasets marked “Available offline” and images with
        edits not yet on the server are never removed.
      </p>
      <button
        type="button"
        className="btn btn--small"
        disabled={busy}
        data-testid="settings.cache.clear"
        onClick={() => {
          setBusy(true);
          setCleared(false);
          void clearCache(appStore)
            .then((done) => setCleared(done))
            .finally(() => setBusy(false));
        }}
      >
        Clear the cache
      </button>
      {cleared ? (
        <span role="status" data-testid="settings.cache.cleared">
          {' '}
          Cleared. Offline datasets and unsynced edits were kept.
        </span>
      ) : null}
    </div>
  );
}
