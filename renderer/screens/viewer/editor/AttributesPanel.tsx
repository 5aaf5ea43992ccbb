import { useState } from 'react';
import type { Annotation } from '../../../../shared/api/annotation';
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
  const annotation = selection.length === 1 ? editor.annotation(selection[0]!) : undefined;
  if (!annotation) return null;
  const attributes = (annotation as Annotation & { attributes?: unknown }).attributes;
  const readOnly = editor.readOnlyReason !== null;
  return (
    <section className="viewer-panel__section" aria-label="Attributes" data-testid="editor.attributes">
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
