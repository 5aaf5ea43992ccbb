import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../../shared/api';
import { isExportFinal } from '../../../shared/api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { Spinner } from '../../components/Spinner';
import { PackageIcon } from '../../components/icons';
import { followExport, loadExports, unfollowExport } from '../../store/actions/exportsActions';
import { selectDatasetExports } from '../../store/exportsSlice';
import { selectStatus } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { ExportFollower } from './exportFollower';
import { ExportForm } from './ExportForm';
import { ExportRow } from './ExportRow';
import './ExportsPanel.css';

/** Relative times ("created 3 min ago", "expires in 6 days") move on while the panel is open. */
const CLOCK_MS = 30_000;

/**
 * A dataset's exports (issue 11 item 1): a form for a new one, and every export with its state.
 * Unfinished exports are followed while the panel is open (main polls with backoff) and
 * unfollowed when it closes; their changes arrive as `event:export`.
 */
export function ExportsPanel({ dataset, onClose }: { dataset: Dataset; onClose(): void }) {
  const exports = useAppStore(selectDatasetExports(dataset.id));
  const role = useAppStore(selectStatus)?.role ?? null;
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void loadExports(appStore, dataset.id, dataset.name);
  }, [dataset.id, dataset.name]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => window.clearInterval(timer);
  }, []);

  // Follow what is unfinished while the panel is open (each once); let all go when it closes.
  const follower = useMemo(() => new ExportFollower((id) => void followExport(appStore, id), unfollowExport), []);
  useEffect(() => () => follower.stop(), [follower]);
  const unfinished = exports.records
    .filter((r) => !isExportFinal(r.status))
    .map((r) => r.id)
    .join(',');
  useEffect(() => follower.update(unfinished === '' ? [] : unfinished.split(',')), [follower, unfinished]);

  return (
    <Modal
      title={`Exports of ${dataset.name}`}
      onClose={onClose}
      testId="exports.panel"
      size="large"
      icon={<PackageIcon size={18} />}
      initialFocus="exports.name"
    >
      <div className="exports">
        <ExportForm datasetName={dataset.name} classes={dataset.classes} role={role} />
        <section className="exports__list-section" aria-labelledby="exports-list-heading">
          <h3 className="exports__heading" id="exports-list-heading">
            Exports {exports.loading ? <Spinner size={12} /> : null}
          </h3>
          {exports.error ? (
            <ErrorPanel compact error={exports.error} testId="exports.listError" />
          ) : exports.records.length === 0 && !exports.loading ? (
            <p className="exports__empty" data-testid="exports.empty">
              No exports yet. Create one on the left: it is built on the server, then you can download it.
            </p>
          ) : (
            <ul className="exports__list" data-testid="exports.list">
              {exports.records.map((record) => (
                <ExportRow key={record.id} record={record} role={role} now={now} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </Modal>
  );
}
