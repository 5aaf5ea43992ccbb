import { useState } from 'react';
import type { Annotation } from '../../../../shared/api/annotation';
import { changeClassOfSelection } from '../../../editor/commands';
import type { Editor } from '../../../editor/editor';

type Simple = string | number | boolean;
const isSimple = (value: unknown): value is Simple =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * The selected annotation's `attributes` (issue 9 item 2): strings, numbers and booleans are
 * editable, each change one undo step; anything else (lists, nested objects, attributes that are
 * not an object at all) is shown read-only and saved back untouched.
 */
export function AttributesPanel({ editor }: { editor: Editor }) {
  const selection = editor.session.selection;
  if (selection.length === 0) return null;
  const annotation = selection.length === 1 ? editor.annotation(selection[0]!) : undefined;
  const picker = <ClassPicker editor={editor} />;
  if (!annotation) return <section className="viewer-panel__section">{picker}</section>;
  const attributes = (annotation as Annotation & { attributes?: unknown }).attributes;
  const readOnly = editor.readOnlyReason !== null;
  return (
    <section className="viewer-panel__section" aria-label="Attributes" data-testid="editor.attributes">
      {picker}
      <h2 className="viewer-panel__heading">Attributes</h2>
      {attributes === undefined || attributes === null ? (
        <p className="viewer-panel__muted">None.</p>
      ) : typeof attributes !== 'object' || Array.isArray(attributes) ? (
        <pre className="editor-attributes__raw" data-testid="editor.attributes.raw">
          {JSON.stringify(attributes)}
        </pre>
      ) : (
        <dl className="editor-attributes">
          {Object.entries(attributes as Record<string, unknown>).map(([key, value]) => (
            <div key={`${annotation.id}:${key}`} className="editor-attributes__row">
              <dt>{key}</dt>
              <dd>
                {isSimple(value) && !readOnly ? (
                  <AttributeField
                    name={key}
                    value={value}
                    onChange={(next) =>
                      editor.update([
                        { ...annotation, attributes: { ...(attributes as Record<string, unknown>), [key]: next } },
                      ])
                    }
                  />
                ) : (
                  <code data-testid={`editor.attribute.${key}`}>{JSON.stringify(value)}</code>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function AttributeField({ name, value, onChange }: { name: string; value: Simple; onChange(next: Simple): void }) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  if (typeof value === 'boolean') {
    return (
      <input
        type="checkbox"
        checked={value}
        aria-label={name}
        data-testid={`editor.attribute.${name}`}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  }
  const commit = () => {
    if (typeof value === 'number') {
      const parsed = Number(draft);
      if (draft.trim() === '' || !Number.isFinite(parsed)) return setError('a number is needed');
      setError(null);
      if (parsed !== value) onChange(parsed);
    } else if (draft !== value) onChange(draft);
  };
  return (
    <>
      <input
        type={typeof value === 'number' ? 'number' : 'text'}
        value={draft}
        aria-label={name}
        aria-invalid={error !== null}
        maxLength={1000}
        data-testid={`editor.attribute.${name}`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {error ? <span role="alert">{error}</span> : null}
    </>
  );
}

/**
 * The class picker (issue 9 item 2): the dataset's classes in order, with their number keys; a
 * class made for another type is refused with the reason (the editor's notice).
 */
function ClassPicker({ editor }: { editor: Editor }) {
  const names = new Set(editor.session.selection.map((id) => editor.annotation(id)?.name));
  const current = names.size === 1 ? [...names][0]! : '';
  return (
    <label className="editor-class-picker">
      Class{' '}
      <select
        value={current}
        disabled={editor.readOnlyReason !== null}
        data-testid="editor.classPicker"
        onChange={(event) => {
          if (event.target.value) changeClassOfSelection(editor, event.target.value);
        }}
      >
        {current === '' ? <option value="">(several)</option> : null}
        {editor.classes.map((cls, i) => (
          <option key={cls.name} value={cls.name}>
            {i < 9 ? `${i + 1} · ` : ''}
            {cls.name}
            {cls.type ? ` (${cls.type})` : ''}
          </option>
        ))}
        {current && !editor.classes.some((c) => c.name === current) ? (
          <option value={current} disabled>
            {current} (not in this dataset)
          </option>
        ) : null}
      </select>
    </label>
  );
}
