import { useEffect, useRef, useState } from 'react';
import { selectStatus } from '../../store/selectors';
import { describeSync } from '../../store/syncSlice';
import { useAppStore } from '../../store/useAppStore';
import { ConflictsDialog } from './ConflictsDialog';
import { SyncDetails } from './SyncDetails';
import './sync.css';

/**
 * The status bar's sync indicator (issue 10): online or offline, edits waiting, conflicts, errors.
 * A click opens the details (the queue, last sync, "Sync now"); conflicts open their resolver.
 */
export function SyncIndicator() {
  const sync = useAppStore((state) => state.syncStatus);
  const connection = useAppStore(selectStatus);
  const [open, setOpen] = useState(false);
  const [conflictsOpen, setConflictsOpen] = useState(false);
  const anchor = useRef<HTMLSpanElement>(null);
  const online = connection?.state === 'connected';
  const view = describeSync(sync, online);

  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes the details, as any popover does.
    const onPointer = (event: PointerEvent) => {
      if (!anchor.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <span className="statusbar__item sync-indicator" ref={anchor}>
      <button
        type="button"
        className={`sync-indicator__button sync-indicator__button--${view.tone}`}
        data-testid="sync.indicator"
        data-tone={view.tone}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((was) => !was)}
      >
        <span className="sync-indicator__dot" aria-hidden="true" />
        {view.label}
      </button>
      {open ? (
        <SyncDetails
          online={online}
          onClose={() => setOpen(false)}
          onOpenConflicts={() => {
            setOpen(false);
            setConflictsOpen(true);
          }}
        />
      ) : null}
      {conflictsOpen ? <ConflictsDialog onClose={() => setConflictsOpen(false)} /> : null}
    </span>
  );
}
