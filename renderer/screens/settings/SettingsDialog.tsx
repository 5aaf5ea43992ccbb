import { useState } from 'react';
import { KeyIcon } from '../../components/icons';
import { Modal } from '../../components/Modal';
import { SettingsIcon } from '../../components/transferIcons';
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
    </Modal>
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
