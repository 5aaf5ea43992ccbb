import { useEffect, useEffectEvent, useState } from 'react';
import type { ChangeEvent, KeyboardEvent } from 'react';
import type { DatasetClass } from '../../../shared/api';
import { IMAGE_STATUSES } from '../../../shared/api';
import type { CatalogQuery, CatalogSort } from '../../../shared/ipc';
import { CATALOG_SORTS } from '../../../shared/ipc';
import { SearchIcon, SortIcon } from '../../components/icons';
import { parseConfidencePercent, SORT_LABELS, toggleStatus, withField } from './browseQuery';
import { statusBadge } from './imageTile';
import { ClassFilter } from './ClassFilter';

/** Typing pauses this long before the query runs: one catalog query per word, not per key. */
export const FILTER_DEBOUNCE_MS = 250;

/** The filename field's id: the 'focus search' action (/ or Mod+F) finds it by this. */
export const SEARCH_FIELD_ID = 'browser-filter-filename';

/** A text field whose value is committed after a pause; Escape clears it (and keeps focus). */
function DebouncedField({
  value,
  onCommit,
  ...rest
}: {
  value: string;
  onCommit(text: string): void;
  id?: string;
  className: string;
  type: 'search' | 'text';
  placeholder: string;
  'aria-label': string;
  'data-testid': string;
  inputMode?: 'decimal';
  maxLength: number;
}) {
  const [draft, setDraft] = useState<{ text: string; base: string }>({ text: value, base: value });
  // A new value from outside (clear filters, a restored state) replaces the draft.
  const text = draft.base === value ? draft.text : value;

  // An effect event: the parent's new callback each render must not restart the pause.
  const commit = useEffectEvent((committed: string) => onCommit(committed));
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => commit(text), FILTER_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') onCommit(text);
    if (event.key === 'Escape' && text !== '') {
      // Handled here, so the registry's Escape (back to datasets) does not also fire.
      event.preventDefault();
      setDraft({ text: '', base: value });
      onCommit('');
    }
  };
  return (
    <input
      {...rest}
      value={text}
      onChange={(event: ChangeEvent<HTMLInputElement>) => setDraft({ text: event.target.value, base: value })}
      onKeyDown={onKeyDown}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

export function FilterBar({
  query,
  classes,
  onChange,
}: {
  query: CatalogQuery;
  classes: readonly DatasetClass[];
  onChange(query: CatalogQuery): void;
}) {
  const sort = query.sort ?? 'filename';
  const descending = query.descending ?? false;
  const confidenceText =
    query.confidenceBelow === undefined ? '' : String(Math.round(query.confidenceBelow * 1000) / 10);

  return (
    <div className="filters" role="search" aria-label="Filter and sort images" data-testid="browser.filters">
      <label className="filters__search input-group">
        <span className="input-group__icon" aria-hidden="true">
          <SearchIcon size={14} />
        </span>
        <DebouncedField
          id={SEARCH_FIELD_ID}
          className="input-group__input"
          type="search"
          placeholder="Filename contains…"
          aria-label="Filename contains"
          data-testid="browser.filter.filename"
          maxLength={255}
          value={query.filename ?? ''}
          onCommit={(text) => onChange(withField(query, 'filename', text.trim()))}
        />
      </label>

      <div className="filters__group" role="group" aria-label="Status">
        {IMAGE_STATUSES.map((status) => {
          const pressed = query.statuses?.includes(status) ?? false;
          return (
            <button
              key={status}
              type="button"
              className={`chip chip--${status}`}
              aria-pressed={pressed}
              onClick={() => onChange(toggleStatus(query, status))}
              data-testid={`browser.filter.status.${status}`}
            >
              {statusBadge(status).label}
            </button>
          );
        })}
      </div>

      <label className="filters__field">
        <span>Confidence below</span>
        <DebouncedField
          className="filters__number"
          type="text"
          inputMode="decimal"
          placeholder="any"
          aria-label="Lowest confidence below, percent"
          data-testid="browser.filter.confidence"
          maxLength={6}
          value={confidenceText}
          onCommit={(text) => onChange(withField(query, 'confidenceBelow', parseConfidencePercent(text)))}
        />
        <span aria-hidden="true">%</span>
      </label>

      <ClassFilter
        classes={classes}
        selected={query.classNames ?? []}
        onChange={(names) => onChange(withField(query, 'classNames', names))}
      />

      <span className="filters__spacer" />

      <label className="filters__field">
        <span>Sort</span>
        <select
          className="select"
          value={sort}
          onChange={(event) => onChange({ ...query, sort: event.target.value as CatalogSort })}
          data-testid="browser.sort"
        >
          {CATALOG_SORTS.map((value) => (
            <option key={value} value={value}>
              {SORT_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn--ghost btn--small btn--icon"
        onClick={() => onChange({ ...query, descending: !descending })}
        aria-label={descending ? 'Sorted descending: switch to ascending' : 'Sorted ascending: switch to descending'}
        title={descending ? 'Descending' : 'Ascending'}
        data-testid="browser.sort.direction"
        data-descending={descending}
      >
        <SortIcon descending={descending} />
      </button>
    </div>
  );
}
