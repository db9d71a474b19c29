import { createHash } from 'node:crypto';
import type { Actor } from '../../../src-shared/auth/actor';
import { reachOf, RESOURCES } from '../../../src-shared/auth/visibility';
import type { Queryable } from '../../db/database';
import { integer } from '../../db/rows';

/**
 * What a pull filters by, for one actor: everyone below them (for a 'reports' reach; null otherwise) and the scope
 * fingerprint — a hash of who they are, their reach for each kind of record, and that set. When the fingerprint
 * changes (a role granted, someone moved in or out of their line of reports) an incremental pull could not say which
 * rows entered or left sight, so the next pull resets: the client empties its synced tables and receives the whole
 * scope again.
 */
export interface Scope {
  readonly fingerprint: string;
  readonly below: readonly string[] | null;
  /** The hierarchy version (sync_head) the set was read at; null when the scope does not depend on the hierarchy. */
  readonly hierarchyVersion: number | null;
}

function fingerprintOf(actor: Actor, reaches: readonly string[], below: readonly string[] | null): string {
  const material = JSON.stringify({ person: actor.personId, reaches, below });
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}

/** Everyone below the actor and the hierarchy version it belongs to, read in one statement (one snapshot). */
async function readBelow(db: Queryable, actor: Actor): Promise<{ below: string[]; hierarchyVersion: number }> {
  // The same walk as authz/sql-scope.ts's 'reports' condition (UNION stops at cycles).
  const { rows } = await db.query<{ hierarchy_version: unknown; below: string[] | null }>(
    `WITH RECURSIVE below (id) AS (
       SELECT id FROM people WHERE line_manager_id = $1::uuid
       UNION
       SELECT p.id FROM people p JOIN below b ON p.line_manager_id = b.id
     )
     SELECT h.hierarchy_version, ARRAY(SELECT id::text FROM below ORDER BY id) AS below FROM sync_head h WHERE h.singleton`,
    [actor.personId],
  );
  const row = rows[0];
  if (!row) throw new Error('The sync head row is missing; the database was not migrated');
  return { below: row.below ?? [], hierarchyVersion: integer(row.hierarchy_version) };
}

/**
 * Scopes by (actor, reaches, hierarchy version). The hierarchy version moves with every change to the tree (database
 * triggers), so a cached set is right exactly while it has not moved — on any number of instances, as the version
 * comes from the database. Repeated pulls of a manager skip the walk.
 */
export class ScopeCache {
  private readonly entries = new Map<string, Scope>();

  constructor(private readonly capacity = 5000) {}

  /**
   * The actor's scope at `hierarchyVersion` (read by the caller): from the cache, or read now — in which case it may
   * belong to a newer version than asked; the caller compares `hierarchyVersion` when it matters.
   */
  async scopeFor(db: Queryable, actor: Actor, hierarchyVersion: number): Promise<Scope> {
    const reaches = RESOURCES.map((resource) => reachOf(actor, resource));
    if (!reaches.includes('reports')) return { fingerprint: fingerprintOf(actor, reaches, null), below: null, hierarchyVersion: null };
    const prefix = `${actor.personId}|${reaches.join(',')}|`;
    const known = this.entries.get(`${prefix}${String(hierarchyVersion)}`);
    if (known) return known;
    const { below, hierarchyVersion: readAt } = await readBelow(db, actor);
    const scope: Scope = { fingerprint: fingerprintOf(actor, reaches, below), below, hierarchyVersion: readAt };
    this.entries.set(`${prefix}${String(readAt)}`, scope);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return scope;
  }
}
