import { createHash } from 'node:crypto';
import type { Actor } from '../../../src-shared/auth/actor';
import { reachOf, RESOURCES } from '../../../src-shared/auth/visibility';
import type { Queryable } from '../../db/database';

/**
 * The scope fingerprint: a hash of what shapes the set of records this actor may see — who they are, their reach
 * for each kind of record (from their roles), and, for a 'reports' reach, everyone below them. When it changes (a role
 * granted, someone moved in or out of their line of reports) an incremental pull could not say which rows entered or
 * left sight, so the next pull resets: the client empties its synced tables and receives the whole scope again.
 */
async function computeFingerprint(db: Queryable, actor: Actor): Promise<string> {
  const reaches = RESOURCES.map((resource) => reachOf(actor, resource));
  let below: string[] = [];
  if (reaches.includes('reports')) {
    // The same walk as authz/sql-scope.ts's 'reports' condition (UNION stops at cycles).
    const { rows } = await db.query<{ id: string }>(
      `WITH RECURSIVE below (id) AS (
         SELECT id FROM people WHERE line_manager_id = $1::uuid
         UNION
         SELECT p.id FROM people p JOIN below b ON p.line_manager_id = b.id
       )
       SELECT id::text AS id FROM below ORDER BY id`,
      [actor.personId],
    );
    below = rows.map((row) => row.id);
  }
  const material = JSON.stringify({ person: actor.personId, reaches, below });
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}

/**
 * Fingerprints by (actor, reaches, newest people version). Every change to the hierarchy is a versioned write to
 * people, so while the newest people version is unchanged the fingerprint is too, and repeated pulls skip the walk.
 * The key comes from the pull's own snapshot, so this is right on any number of instances.
 */
export class ScopeCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly capacity = 2000) {}

  async fingerprint(db: Queryable, actor: Actor, peopleVersion: number): Promise<string> {
    const reaches = RESOURCES.map((resource) => reachOf(actor, resource)).join(',');
    const key = `${actor.personId}|${reaches}|${String(peopleVersion)}`;
    const known = this.entries.get(key);
    if (known !== undefined) {
      // Refresh its place: least recently used entries go first.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const computed = await computeFingerprint(db, actor);
    this.entries.set(key, computed);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return computed;
  }
}
