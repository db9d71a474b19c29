import type { Role } from '../domain/roles';
import { hasRole, type Actor } from './actor';

/**
 * Things an actor may do beyond seeing records, and the roles that may do them. Reading is governed by
 * visibility.ts; this table is for actions that are not "see a record about someone".
 */
export const PERMISSIONS = {
  /** Create accounts, issue one-time passwords, disable and re-enable accounts (leavers, compromise). */
  'account.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function may(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).some((role) => hasRole(actor, role));
}
