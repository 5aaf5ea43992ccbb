import { useEffect, useState } from 'react';
import type { ApiKeyRecord } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ShieldIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { formatRelativeTime } from '../../format/time';
import { selectStatus } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { isOwnKey, keysPageGate } from './apiKeyForm';
import { listKeys, revokeKey } from './apiKeysActions';
import { NewKeyForm } from './NewKeyForm';

/**
 * The workspace's API keys (§9; owners and admins): list, create with a role (the secret shown
 * once), revoke with a confirmation. Other roles see why the page is unavailable, and no request
 * is spent on a list the server would refuse.
 */
export function ApiKeysSection() {
  const status = useAppStore(selectStatus);
  const role = status?.role ?? null;
  const gate = keysPageGate(role);
  const [keys, setKeys] = useState<ApiKeyRecord[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => Date.now());

  useEffect(() => {
    if (!gate.allowed) return;
    let live = true;
    void listKeys().then((result) => {
      if (!live) return;
      if (result.ok) setKeys(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [gate.allowed]);

  if (!gate.allowed) {
    return (
      <div className="settings__unavailable" role="status" data-testid="apiKeys.unavailable">
        <ShieldIcon size={18} />
        <div>
          <p className="settings__unavailable-title">API keys are not available with this key</p>
          <p data-testid="apiKeys.unavailable.reason">{gate.reason}</p>
        </div>
      </div>
    );
  }

  const revoke = async (key: ApiKeyRecord) => {
    setBusy(true);
    const result = await revokeKey(key.id);
    setBusy(false);
    setRevoking(null);
    if (result.ok) setKeys((list) => list?.filter((k) => k.id !== key.id) ?? null);
    else setError(result.error);
  };

  return (
    <div className="api-keys" data-testid="apiKeys.page">
      <NewKeyForm role={role} onCreated={(key) => setKeys((list) => [key, ...(list ?? [])])} />
      {error ? <ErrorPanel compact error={error} testId="apiKeys.error" onDismiss={() => setError(null)} /> : null}
      {keys === null ? (
        <p className="api-keys__loading">
          <Spinner size={13} /> Loading keys…
        </p>
      ) : (
        <table className="api-keys__table" data-testid="apiKeys.list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const own = isOwnKey(key, status?.keyPrefix ?? null);
              return (
                <tr key={key.id} data-testid="apiKeys.row" data-key-id={key.id}>
                  <td data-testid="apiKeys.row.name">
                    {key.name}
                    {own ? <span className="tag api-keys__own">this app</span> : null}
                    {key.is_active ? null : <span className="tag">inactive</span>}
                  </td>
                  <td className="mono" data-testid="apiKeys.row.prefix">
                    {key.key_prefix}…
                  </td>
                  <td data-testid="apiKeys.row.role">{key.role}</td>
                  <td>{formatRelativeTime(key.created_at, now)}</td>
                  <td>{key.last_used_at ? formatRelativeTime(key.last_used_at, now) : 'never'}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      onClick={() => setRevoking(key)}
                      aria-label={`Revoke ${key.name}`}
                      data-testid="apiKeys.row.revoke"
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {revoking ? (
        <ConfirmDialog
          title="Revoke this key?"
          confirmLabel="Revoke"
          busy={busy}
          testId="apiKeys.confirmRevoke"
          onCancel={() => setRevoking(null)}
          onConfirm={() => void revoke(revoking)}
        >
          Anything using “{revoking.name}” ({revoking.key_prefix}…) stops working at once. This cannot be undone.
          {isOwnKey(revoking, status?.keyPrefix ?? null)
            ? ' It is the key this app is signed in with: you will be signed out.'
            : ''}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
