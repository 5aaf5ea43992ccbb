import { useEffect, useState } from 'react';
import { Modal } from '../../components/Modal';
import { formatRelativeTime } from '../../format/time';
import { loadConflicts } from '../../store/actions/syncActions';
import { appStore, useAppStore } from '../../store/useAppStore';
import { ConflictResolver } from './ConflictResolver';

/** Every conflict waiting for the user, and the resolver for the one chosen (issue 10). */
export function ConflictsDialog({ onClose }: { onClose(): void }) {
  const conflicts = useAppStore((state) => state.conflicts);
  const error = useAppStore((state) => state.conflictsError);
  const [chosen, setChosen] = useState<number | null>(null);
  const [now] = useState(() => Date.now());
  useEffect(() => void loadConflicts(appStore), []);
  const current = conflicts?.find((c) => c.id === chosen) ?? conflicts?.[0] ?? null;
  return (
    <Modal title="Conflicts" onClose={onClose} testId="conflicts.dialog" size="large">
      {error ? <p className="sync-details__warning">{error.message}</p> : null}
      {conflicts !== null && conflicts.length === 0 ? (
        <p data-testid="conflicts.none">No conflicts: every edit was merged or sent.</p>
      ) : null}
      {current ? (
        <div className="conflicts">
          <ul className="conflicts__list" aria-label="Images with a conflict" data-testid="conflicts.list">
            {conflicts!.map((conflict) => (
              <li key={conflict.id}>
                <button
                  type="button"
                  className="conflicts__item"
                  aria-current={conflict.id === current.id}
                  data-testid="conflicts.item"
                  data-image-id={conflict.imageId}
                  onClick={() => setChosen(conflict.id)}
                >
                  <code>{conflict.imageId.slice(0, 8)}</code>
                  <br />
                  {conflict.annotations.length} in dispute · {formatRelativeTime(conflict.createdAt, now)}
                </button>
              </li>
            ))}
          </ul>
          <ConflictResolver key={current.id} conflict={current} />
        </div>
      ) : null}
    </Modal>
  );
}
