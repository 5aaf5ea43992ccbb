import { useEffect, useRef, useState } from 'react';
import type { Annotation, Dataset } from '../../../shared/api';
import type { SyncConflict } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';
import { resolveConflict } from '../../store/actions/syncActions';
import { appStore } from '../../store/useAppStore';
import { contentSize, drawConflictSide } from './conflictCanvas';

type Side = 'mine' | 'theirs';

const KIND_WORDS: Record<string, string> = {
  'both-changed': 'changed on both sides',
  'both-added': 'added on both sides, differently',
  'changed-deleted': 'you changed it, they deleted it',
  'deleted-changed': 'you deleted it, they changed it',
};

/** Loads what both sides are drawn on: the image and its dataset's classes (from the catalog when offline). */
function usePicture(imageId: string): { image: HTMLImageElement | null; classes: Dataset['classes'] } {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [classes, setClasses] = useState<Dataset['classes']>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const meta = await callApi((api) => api.images.metadata({ imageId }));
      if (meta.ok) {
        const dataset = await callApi((api) => api.datasets.get({ datasetId: meta.value.dataset_id }));
        if (live && dataset.ok) setClasses(dataset.value.classes);
      }
      const url = await callApi((api) => api.media.url({ imageId, variant: 'full' }));
      if (!url.ok) return;
      const img = new Image();
      img.onload = () => {
        if (live) setImage(img);
      };
      img.src = url.value.url;
    })();
    return () => {
      live = false;
    };
  }, [imageId]);
  return { image, classes };
}

function SideCanvas({
  label,
  side,
  annotations,
  picture,
  all,
}: {
  label: string;
  side: Side;
  annotations: Annotation[];
  picture: ReturnType<typeof usePicture>;
  all: Annotation[][];
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current)
      drawConflictSide(
        ref.current,
        { image: picture.image, size: contentSize(picture.image, all) },
        annotations,
        picture.classes,
      );
  }, [annotations, picture, all]);
  return (
    <figure className="resolver__side" data-testid={`resolver.${side}`}>
      <figcaption>
        {label} <span className="sync-details__muted">({annotations.length} annotations)</span>
      </figcaption>
      <canvas
        ref={ref}
        className="resolver__canvas"
        data-testid={`resolver.${side}.canvas`}
        data-drawn={picture.image ? 'image' : 'shapes'}
      />
    </figure>
  );
}

/**
 * One conflict: both versions drawn side by side on the image, the annotations in dispute, and the
 * three ways out — keep mine, take theirs, or choose per annotation (`sync:resolve`). Undisputed
 * changes of both sides are kept whatever is chosen (docs/offline.md).
 */
export function ConflictResolver({ conflict }: { conflict: SyncConflict }) {
  const picture = usePicture(conflict.imageId);
  const [choices, setChoices] = useState<Record<string, Side>>(() =>
    Object.fromEntries(conflict.annotations.map((a) => [a.id, 'mine' as Side])),
  );
  const [busy, setBusy] = useState(false);
  const all = [conflict.mine, conflict.theirs.annotations];
  const decide = (choice: Parameters<typeof resolveConflict>[2]) => {
    setBusy(true);
    void resolveConflict(appStore, conflict.id, choice).finally(() => setBusy(false));
  };
  return (
    <div className="resolver" data-testid="resolver" data-conflict-id={conflict.id}>
      <div className="resolver__sides">
        <SideCanvas label="Mine" side="mine" annotations={conflict.mine} picture={picture} all={all} />
        <SideCanvas
          label="Theirs"
          side="theirs"
          annotations={conflict.theirs.annotations}
          picture={picture}
          all={all}
        />
      </div>
      <table className="resolver__disputes" data-testid="resolver.disputes">
        <thead>
          <tr>
            <th scope="col">Annotation</th>
            <th scope="col">What happened</th>
            <th scope="col">Keep</th>
          </tr>
        </thead>
        <tbody>
          {conflict.annotations.map((dispute) => (
            <tr key={dispute.id} data-testid="resolver.dispute" data-annotation-id={dispute.id}>
              <td>
                <code>{dispute.id}</code> {(dispute.mine ?? dispute.theirs)?.name ?? ''}
              </td>
              <td>{KIND_WORDS[dispute.kind] ?? dispute.kind}</td>
              <td>
                {(['mine', 'theirs'] as const).map((side) => (
                  <label key={side} style={{ marginRight: 10 }}>
                    <input
                      type="radio"
                      name={`choice-${dispute.id}`}
                      checked={choices[dispute.id] === side}
                      onChange={() => setChoices((was) => ({ ...was, [dispute.id]: side }))}
                      data-testid={`resolver.dispute.${side}`}
                    />{' '}
                    {side === 'mine' ? 'Mine' : 'Theirs'}
                  </label>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="resolver__actions">
        <button
          type="button"
          className="btn btn--small"
          disabled={busy}
          onClick={() => decide('theirs')}
          data-testid="resolver.takeTheirs"
        >
          Take theirs
        </button>
        <button
          type="button"
          className="btn btn--small"
          disabled={busy}
          onClick={() => decide('mine')}
          data-testid="resolver.keepMine"
        >
          Keep mine
        </button>
        <button
          type="button"
          className="btn btn--primary btn--small"
          disabled={busy}
          data-testid="resolver.applyChoices"
          onClick={() =>
            decide({
              choices: conflict.annotations.map((a) => ({ annotationId: a.id, take: choices[a.id] ?? 'mine' })),
            })
          }
        >
          Apply these choices
        </button>
      </div>
    </div>
  );
}
