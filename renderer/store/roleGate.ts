import type { Role } from '../../shared/api';
import { ROLES } from '../../shared/api';

export type Gate = { allowed: true } | { allowed: false; reason: string };

/** ROLES runs owner → viewer: a lower index is more power. */
const rank = (role: Role) => ROLES.indexOf(role);

/**
 * Whether the key's role may do something (the server's own minimum roles, §3/§7/§8/§9), and if
 * not, the sentence the disabled control shows. An unknown role is let through: the server decides
 * and its 403 names the role needed.
 */
export function roleGate(role: Role | null, minimum: Role, what: string): Gate {
  if (role === null || rank(role) <= rank(minimum)) return { allowed: true };
  const roles = ROLES.filter((r) => rank(r) <= rank(minimum));
  const needed = roles.length > 1 ? `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}` : roles.join('');
  return { allowed: false, reason: `${what} needs the ${needed} role; this key has the ${role} role.` };
}
