import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { DatasetClass, Role } from '../../../shared/api';
import { EXPORT_FORMATS } from '../../../shared/api';
import { Spinner } from '../../components/Spinner';
import { createExport } from '../../store/actions/exportsActions';
import { appStore } from '../../store/useAppStore';
import type { ExportDraft, ExportField, FieldProblems } from './exportForm';
import {
  checkDraft,
  createAllowed,
  EXPORT_FORMAT_LABELS,
  newExportDraft,
  problemsFromError,
  STATUS_FILTERS,
  STATUS_LABELS,
} from './exportForm';

function Problems({ field, problems, id }: { field: ExportField; problems: FieldProblems; id: string }) {
  const list = problems[field];
  if (!list?.length) return null;
  return (
    <p className="field__hint field__hint--problem" id={id} role="alert" data-testid={`exports.problem.${field}`}>
      {list.join(' ')}
    </p>
  );
}

/**
 * A new export: name, format, images or not, classes, status. Checked with the contract's schema
 * before sending; what main or the server refuses comes back onto the field it concerns.
 */
export function ExportForm({
  datasetName,
  classes,
  role,
}: {
  datasetName: string;
  classes: readonly DatasetClass[];
  role: Role | null;
}) {
  const gate = createAllowed(role);
  const [draft, setDraft] = useState<ExportDraft>(newExportDraft);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [sending, setSending] = useState(false);
  const id = useId();
  const problemId = (field: ExportField) => `${id}-${field}-problem`;
  const describedBy = (field: ExportField) => (problems[field]?.length ? problemId(field) : undefined);
  const change = (patch: Partial<ExportDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const checked = checkDraft(draft, datasetName);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setSending(true);
    const result = await createExport(appStore, checked.request);
    setSending(false);
    if (result.ok) setDraft((d) => ({ ...newExportDraft(), format: d.format }));
    else setProblems(problemsFromError(result.error));
  };

  const chosen = draft.classes === 'all' ? null : new Set(draft.classes);
  const toggleClass = (name: string) => {
    if (!chosen) return;
    const next = new Set(chosen);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    change({ classes: classes.map((c) => c.name).filter((n) => next.has(n)) });
  };

  return (
    <form className="export-form" onSubmit={(event) => void submit(event)} noValidate data-testid="exports.form">
      <h3 className="exports__heading">New export</h3>
      <label className="field">
        <span className="field__label">Name</span>
        <span className={`input-group${problems.name?.length ? ' input-group--problem' : ''}`}>
          <input
            className="input-group__input"
            value={draft.name}
            onChange={(event) => change({ name: event.target.value })}
            aria-invalid={problems.name?.length ? true : undefined}
            aria-describedby={describedBy('name')}
            placeholder="e.g. street-coco-nightly"
            data-testid="exports.name"
          />
        </span>
        <Problems field="name" problems={problems} id={problemId('name')} />
      </label>

      <div className="export-form__row">
        <label className="field">
          <span className="field__label">Format</span>
          <select
            className="select"
            value={draft.format}
            onChange={(event) => change({ format: event.target.value as ExportDraft['format'] })}
            aria-describedby={describedBy('format')}
            data-testid="exports.format"
          >
            {EXPORT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {EXPORT_FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
          <Problems field="format" problems={problems} id={problemId('format')} />
        </label>
        <label className="field">
          <span className="field__label">Image status</span>
          <select
            className="select"
            value={draft.status}
            onChange={(event) => change({ status: event.target.value as ExportDraft['status'] })}
            aria-describedby={describedBy('statusFilter')}
            data-testid="exports.status"
          >
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <Problems field="statusFilter" problems={problems} id={problemId('statusFilter')} />
        </label>
      </div>

      <label className="check">
        <input
          type="checkbox"
          checked={draft.includeImages}
          onChange={(event) => change({ includeImages: event.target.checked })}
          data-testid="exports.includeImages"
        />
        <span>Include the image files (a larger ZIP)</span>
      </label>

      <fieldset className="export-form__classes" aria-describedby={describedBy('classFilter')}>
        <legend className="field__label">Classes</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.classes === 'all'}
            onChange={(event) => change({ classes: event.target.checked ? 'all' : [] })}
            data-testid="exports.classes.all"
          />
          <span>All classes</span>
        </label>
        {chosen ? (
          <div className="export-form__class-list" data-testid="exports.classes">
            {classes.map((cls) => (
              <label key={cls.name} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(cls.name)}
                  onChange={() => toggleClass(cls.name)}
                  data-testid="exports.class"
                  data-class={cls.name}
                />
                <span>{cls.name}</span>
              </label>
            ))}
          </div>
        ) : null}
        <Problems field="classFilter" problems={problems} id={problemId('classFilter')} />
      </fieldset>

      <Problems field="form" problems={problems} id={problemId('form')} />
      <Problems field="includeImages" problems={problems} id={problemId('includeImages')} />
      {gate.allowed ? null : (
        <p className="field__hint" data-testid="exports.createUnavailable">
          {gate.reason}
        </p>
      )}
      <div className="modal__actions">
        <button
          type="submit"
          className="btn btn--primary btn--small"
          disabled={sending || !gate.allowed}
          data-testid="exports.create"
        >
          {sending ? <Spinner size={13} /> : null}
          Create export
        </button>
      </div>
    </form>
  );
}
