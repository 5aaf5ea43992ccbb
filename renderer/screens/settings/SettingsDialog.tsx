import { useState } from 'react';
import { KeyIcon, SettingsIcon } from '../../components/icons';
import { KeymapDialog } from '../../components/KeymapDialog';
import { Modal } from '../../components/Modal';
import { editorActionCatalog } from '../../editor/actions/editorActions';
import { ApiKeysSection } from './ApiKeysSection';
import { CacheSettingsSection } from './CacheSection';
import './settings.css';

/** Settings (issue 11: the API keys page). A dialog, so the screen behind keeps its place. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Settings" onClose={onClose} testId="settings.dialog" size="large" icon={<SettingsIcon size={18} />}>
      <section className="settings__section" aria-labelledby="settings-api-keys">
        <h3 id="settings-api-keys" className="settings__heading">
          <KeyIcon size={15} /> API keys
        </h3>
        <ApiKeysSection />
      </section>
      <CacheSettingsSection />
      <KeymapSection />
    </Modal>
  );
}

/** Keyboard shortcuts (issue 9 item 4): the keymap dialog, with the editor's actions even when no image is open. */
function KeymapSection() {
  const [open, setOpen] = useState(false);
  return (
    <section className="settings__section" aria-labelledby="settings-keymap">
      <h3 id="settings-keymap" className="settings__heading">
        Keyboard shortcuts
      </h3>
      <button type="button" className="btn btn--small" onClick={() => setOpen(true)} data-testid="settings.keymap">
        Change keyboard shortcuts…
      </button>
      {open ? <KeymapDialog onClose={() => setOpen(false)} catalog={editorActionCatalog()} /> : null}
    </section>
  );
}

/** The top bar's entry to settings. */
export function SettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn--ghost btn--small btn--icon"
        onClick={() => setOpen(true)}
        aria-label="Settings"
        aria-haspopup="dialog"
        title="Settings"
        data-testid="shell.settings"
      >
        <SettingsIcon size={15} />
      </button>
      {open ? <SettingsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
