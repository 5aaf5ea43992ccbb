import { useEffect, useState } from 'react';
import { ImageIcon } from '../../components/icons';
import { mediaUrl } from '../../store/actions/browseActions';

/**
 * A tile that scrolls past in a fling never asks for its thumbnail: the request waits this long
 * after the tile appears, and an unmounted tile's request is dropped (its <img> leaves the DOM,
 * which cancels the download). So what is in flight is what the viewport shows.
 */
export const THUMBNAIL_SETTLE_MS = 60;

type Preview = { state: 'waiting' } | { state: 'ready'; url: string } | { state: 'failed'; reason: string };

export function Thumbnail({ imageId, alt, paused = false }: { imageId: string; alt: string; paused?: boolean }) {
  const [preview, setPreview] = useState<{ id: string; value: Preview } | null>(null);
  const current: Preview = preview?.id === imageId ? preview.value : { state: 'waiting' };

  const settled = preview?.id === imageId;
  useEffect(() => {
    // Held while the view flies past (useFastScroll); a thumbnail already asked for stays.
    if (paused || settled) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void mediaUrl(imageId, 'thumbnail').then((result) => {
        if (!live) return;
        setPreview({
          id: imageId,
          value: result.ok
            ? { state: 'ready', url: result.value.url }
            : { state: 'failed', reason: result.error.message },
        });
      });
    }, THUMBNAIL_SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [imageId, paused, settled]);

  if (current.state === 'failed') {
    return (
      <span className="thumb thumb--failed" title={current.reason} data-testid="browser.thumb.failed">
        <ImageIcon size={20} />
      </span>
    );
  }
  return (
    // The placeholder stays under the picture (which covers it once decoded): one render less per
    // tile than tracking "loaded" in state, which counts while scrolling.
    <span className="thumb skeleton">
      {current.state === 'ready' ? (
        <img
          src={current.url}
          alt={alt}
          decoding="async"
          draggable={false}
          onError={() =>
            setPreview({ id: imageId, value: { state: 'failed', reason: 'The thumbnail could not be loaded.' } })
          }
        />
      ) : null}
    </span>
  );
}
