import type { Role } from '../domain/roles';

/**
 * Who is asking: a signed-in person and the roles their account holds. Everyone is at least staff, whatever the
 * stored roles say, so a person always sees their own records and nothing depends on "staff" being stored.
 */
export interface Actor {
  readonly personId: string;
  readonly roles: readonly Role[];
}

export function hasRole(actor: Actor, role: Role): boolean {
  return role === 'staff' || actor.roles.includes(role);
}
