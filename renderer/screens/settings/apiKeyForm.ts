import type { ApiKeyCreate, ApiKeyRecord, Role } from '../../../shared/api';
import { apiKeyCreateSchema, ROLES } from '../../../shared/api';
import type { IpcError } from '../../../shared/ipc';
import type { Gate } from '../../store/roleGate';
import { roleGate } from '../../store/roleGate';

/**
 * The API keys page's rules. What a field may hold is the contract's (`apiKeyCreateSchema`, the
 * schema main checks with): this maps its and the server's problems onto the page's fields.
 */

export const keysPageGate = (role: Role | null): Gate => roleGate(role, 'admin', 'Managing API keys');

/** A key may create (and sees) keys of its own role or below (§9). */
export function creatableRoles(role: Role | null): Role[] {
  if (role === null) return [...ROLES];
  return ROLES.slice(ROLES.indexOf(role));
}

export type KeyField = 'name' | 'role' | 'form';
export type KeyProblems = Partial<Record<KeyField, string>>;

export function checkKeyDraft(draft: {
  name: string;
  role: Role;
}): { ok: true; request: ApiKeyCreate } | { ok: false; problems: KeyProblems } {
  const parsed = apiKeyCreateSchema.safeParse(draft);
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems: KeyProblems = {};
  for (const issue of parsed.error.issues) {
    const field: KeyField = issue.path[0] === 'name' ? 'name' : issue.path[0] === 'role' ? 'role' : 'form';
    problems[field] ??= issue.message;
  }
  return { ok: false, problems };
}

/** A refused create: a 422's problems by field, a 403 (a role above ours) on the role, the rest on the form. */
export function keyProblemsFromError(error: IpcError): KeyProblems {
  const problems: KeyProblems = {};
  const list = Array.isArray(error.details?.problems) ? (error.details.problems as unknown[]) : [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, message } = entry as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const key: KeyField = field === 'name' ? 'name' : field === 'role' ? 'role' : 'form';
    problems[key] ??= message;
  }
  if (error.code === 'forbidden') problems.role ??= error.message;
  if (Object.keys(problems).length === 0) problems.form = error.message;
  return problems;
}

/** Whether a listed key is the one this app is signed in with (revoking it signs the app out). */
export const isOwnKey = (key: ApiKeyRecord, ownPrefix: string | null): boolean =>
  ownPrefix !== null && ownPrefix !== '' && key.key_prefix === ownPrefix;
