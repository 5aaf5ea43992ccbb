import type { Role } from '../../shared/api/common';

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** owner > admin > member > viewer; a higher role satisfies any lower requirement (contract §6). */
export function roleAtLeast(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

/** Roles a caller may see and manage keys of: its own and every lower one (contract §9). */
export function rolesUpTo(role: Role): Role[] {
  return (Object.keys(RANK) as Role[]).filter((r) => RANK[r] <= RANK[role]);
}
