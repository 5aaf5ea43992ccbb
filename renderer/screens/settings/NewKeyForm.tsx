import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiKeyRecord, CreatedApiKey, Role } from '../../../shared/api';
import { CopyButton } from '../../components/CopyButton';
import { Spinner } from '../../components/Spinner';
import type { KeyProblems } from './apiKeyForm';
import { checkKeyDraft, creatableRoles, keyProblemsFromError } from './apiKeyForm';
import { createKey } from './apiKeysActions';

/**
 * Create a key with a role; the new secret is shown once, with copy, and forgotten when the user
 * says they have it (it lives only in this component's state: never in the store, never on disk).
 */
export function NewKeyForm({ role, onCreated }: { role: Role | null; onCreated(key: ApiKeyRecord): void }) {
  const roles = creatableRoles(role);
  const [name, setName] = useState('');
  const [keyRole, setKeyRole] = useState<Role>(roles.includes('member') ? 'member' : (roles[0] ?? 'viewer'));
  const [problems, setProblems] = useState<KeyProblems>({});
  const [sending, setSending] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const checked = checkKeyDraft({ name, role: keyRole });
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setSending(true);
    const result = await createKey(checked.request);
    setSending(false);
    if (!result.ok) {
      setProblems(keyProblemsFromError(result.error));
      return;
    }
    const { key: _secret, ...record } = result.value;
    setCreated(result.value);
    setName('');
    onCreated(record);
  };

  if (created) {
    return (
      <section className="new-key" aria-labelledby={`${id}-created`} data-testid="apiKeys.created">
        <h4 id={`${id}-created`}>Key “{created.name}” created</h4>
        <p className="new-key__warning">Copy it now: this is the only time it is shown. The app does not keep it.</p>
        <div className="new-key__secret">
          <code className="mono" data-testid="apiKeys.created.secret">
            {created.key}
          </code>
          <CopyButton value={created.key} label="Copy the new API key" testId="apiKeys.created.copy" />
        </div>
        <div className="modal__actions">
          <button
            type="button"
            className="btn btn--small btn--primary"
            onClick={() => setCreated(null)}
            data-testid="apiKeys.created.done"
          >
            I have copied it
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="new-key" onSubmit={(event) => void submit(event)} noValidate data-testid="apiKeys.form">
      <h4>New key</h4>
      <div className="new-key__row">
        <label className="field new-key__name">
          <span className="field__label">Name</span>
          <span className={`input-group${problems.name ? ' input-group--problem' : ''}`}>
            <input
              className="input-group__input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={problems.name ? true : undefined}
              aria-describedby={problems.name ? `${id}-name` : undefined}
              placeholder="e.g. CI pipeline"
              data-testid="apiKeys.name"
            />
          </span>
        </label>
        <label className="field">
          <span className="field__label">Role</span>
          <select
            className="select"
            value={keyRole}
            onChange={(event) => setKeyRole(event.target.value as Role)}
            aria-describedby={problems.role ? `${id}-role` : undefined}
            data-testid="apiKeys.role"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--small btn--primary" disabled={sending} data-testid="apiKeys.create">
          {sending ? <Spinner size={13} /> : null}
          Create key
        </button>
      </div>
      {(['name', 'role', 'form'] as const).map((field) =>
        problems[field] ? (
          <p
            key={field}
            id={`${id}-${field}`}
            className="field__hint field__hint--problem"
            role="alert"
            data-testid={`apiKeys.problem.${field}`}
          >
            {problems[field]}
          </p>
        ) : null,
      )}
    </form>
  );
}
