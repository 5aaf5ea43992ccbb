import { useEffect, useState } from 'react';
import type { ImageMeta } from '../../../shared/api';
import { ImageIcon } from '../../components/icons';
import { thumbnailUrl } from '../../store/actions/datasetsActions';
import { imagePath, lowestConfidence, statusBadge } from './imageTile';

type Preview = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; reason: string };

/** One image: its thumbnail (a media URL from main), path, review status and label count. */
export function ImageTile({ image }: { image: ImageMeta }) {
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const badge = statusBadge(image.status);
  const confidence = lowestConfidence(image);
  const path = imagePath(image);

  useEffect(() => {
    let live = true;
    void thumbnailUrl(image.id).then((result) => {
      if (!live) return;
      setPreview(
        result.ok ? { state: 'ready', url: result.value.url } : { state: 'failed', reason: result.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [image.id]);

  return (
    <figure className="image-tile" data-testid="dataset.image" data-image-id={image.id}>
      <div className="image-tile__frame">
        {preview.state === 'ready' ? (
          <img
            src={preview.url}
            alt={path}
            loading="lazy"
            decoding="async"
            onError={() => setPreview({ state: 'failed', reason: 'The thumbnail could not be loaded.' })}
          />
        ) : (
          <span
            className={`image-tile__placeholder${preview.state === 'loading' ? ' skeleton' : ''}`}
            title={preview.state === 'failed' ? preview.reason : undefined}
          >
            {preview.state === 'failed' ? <ImageIcon size={22} /> : null}
          </span>
        )}
        <span className={`status-badge status-badge--${badge.tone}`}>{badge.label}</span>
      </div>
      <figcaption className="image-tile__caption">
        <span className="image-tile__name" title={path} data-testid="dataset.image.name">
          {image.filename}
        </span>
        <span className="image-tile__meta">
          {image.annotation_count} {image.annotation_count === 1 ? 'label' : 'labels'}
          {confidence ? (
            <span className="image-tile__confidence" title="Lowest model confidence">
              · min {confidence}
            </span>
          ) : null}
        </span>
      </figcaption>
    </figure>
  );
}
