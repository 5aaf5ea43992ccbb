import { useEffect, useId, useRef, useState } from 'react';
import type { DatasetClass } from '../../../shared/api';
import { resolveClassColor } from '../../viewer/colors';
import { classFilterSummary } from './browseQuery';

/**
 * "Images with any of these classes": a button that opens a list of checkboxes, one per class of
 * the dataset, in the dataset's order. Keyboard: the button opens it (focus moves to the first
 * box), Tab moves through it, Escape closes it and returns to the button; a click elsewhere or
 * focus leaving closes it too. Choices apply at once, like the other filters.
 */
export function ClassFilter({
  classes,
  selected,
  onChange,
}: {
  classes: readonly DatasetClass[];
  selected: readonly string[];
  onChange(next: string[]): void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const labelId = useId();
  const panelId = useId();
  const chosen = new Set(selected);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
    const away = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [open]);

  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    // The dataset's order, so the same choice is always the same query (and the same saved state).
    onChange(classes.map((c) => c.name).filter((n) => next.has(n)));
  };

  return (
    <div
      ref={root}
      className="filters__field class-filter"
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        // Escape closes the list only: it must not also leave the dataset (the registry's Escape).
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <span id={labelId}>Class</span>
      <button
        ref={button}
        type="button"
        className="select class-filter__button"
        aria-labelledby={`${labelId} ${panelId}-summary`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        disabled={classes.length === 0}
        data-testid="browser.filter.class"
      >
        <span id={`${panelId}-summary`}>{classFilterSummary(selected)}</span>
        <span aria-hidden="true" className="class-filter__caret">
          ▾
        </span>
      </button>
      {open ? (
        <div
          id={panelId}
          className="class-filter__panel"
          role="group"
          aria-label="Show images with any of these classes"
          data-testid="browser.filter.classList"
        >
          {classes.map((cls) => (
            <label key={cls.name} className="class-filter__option">
              <input
                type="checkbox"
                checked={chosen.has(cls.name)}
                onChange={(event) => toggle(cls.name, event.target.checked)}
                data-testid={`browser.filter.class.${cls.name}`}
              />
              <span
                className="class-filter__swatch"
                style={{ background: resolveClassColor(cls.name, cls).color }}
                aria-hidden="true"
              />
              <span>{cls.name}</span>
            </label>
          ))}
          <button
            type="button"
            className="btn btn--ghost btn--small class-filter__clear"
            disabled={selected.length === 0}
            onClick={() => {
              // Done choosing: close, and keep focus on the button (this one becomes disabled).
              onChange([]);
              setOpen(false);
              button.current?.focus();
            }}
            data-testid="browser.filter.class.clear"
          >
            Any class
          </button>
        </div>
      ) : null}
    </div>
  );
}
