import type { IpcResult } from '../../../shared/ipc';
import { FolderIcon, UploadIcon } from '../../components/icons';
import { basename } from './pathNames';
import { pickUploadFiles, pickUploadFolder } from '../../store/actions/uploadsActions';
import { roleGate } from '../../store/roleGate';
import { selectStatus } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';

export const uploadGate = (role: Parameters<typeof roleGate>[0]) => roleGate(role, 'member', 'Uploading images');

/**
 * "Add images" and "Add folder": the native pickers, for people who do not drag. What they pick
 * becomes the same draft a drop does.
 */
export function AddImagesButtons({ datasetId }: { datasetId: string }) {
  const role = useAppStore(selectStatus)?.role ?? null;
  const gate = uploadGate(role);

  const pick = async (call: () => Promise<IpcResult<string[] | null>>, kind: 'files' | 'folder') => {
    const result = await call();
    if (!result.ok) {
      appStore.getState().uploadPickFailed(result.error);
      return;
    }
    const paths = result.value;
    if (!paths || paths.length === 0) return;
    const [only] = paths;
    const description =
      kind === 'folder' && only !== undefined
        ? `the folder “${basename(only)}” (its folders are kept)`
        : `${paths.length.toLocaleString('en-US')} ${paths.length === 1 ? 'file' : 'files'}`;
    appStore.getState().uploadDrafted({ datasetId, paths, description, notes: [] });
  };

  const title = gate.allowed ? undefined : gate.reason;
  return (
    <>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => void pick(pickUploadFiles, 'files')}
        disabled={!gate.allowed}
        title={title}
        aria-label={gate.allowed ? 'Add images' : `Add images: ${gate.reason}`}
        data-testid="uploads.addFiles"
      >
        <UploadIcon size={14} />
        Add images
      </button>
      <button
        type="button"
        className="btn btn--small btn--ghost"
        onClick={() => void pick(pickUploadFolder, 'folder')}
        disabled={!gate.allowed}
        title={title}
        aria-label={gate.allowed ? 'Add a folder of images' : `Add a folder: ${gate.reason}`}
        data-testid="uploads.addFolder"
      >
        <FolderIcon size={14} />
        Add folder
      </button>
    </>
  );
}
