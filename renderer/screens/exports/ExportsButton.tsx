import { useState } from 'react';
import { PackageIcon } from '../../components/icons';
import { selectOpenDataset } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { ExportsPanel } from './ExportsPanel';

/** The browser toolbar's "Export" button and the panel it opens. */
export function ExportsButton() {
  const dataset = useAppStore(selectOpenDataset);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => setOpen(true)}
        disabled={!dataset}
        aria-haspopup="dialog"
        data-testid="exports.open"
      >
        <PackageIcon size={14} />
        Export
      </button>
      {open && dataset ? <ExportsPanel dataset={dataset} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
