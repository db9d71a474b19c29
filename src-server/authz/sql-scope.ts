import type { Actor } from '../../src-shared/auth/actor';
import { reachOf, type Resource } from '../../src-shared/auth/visibility';
import type { SqlParams } from '../db/sql';

/**
 * Turns the shared authorisation module's decision (src-shared/auth/visibility.ts) into a SQL condition, so that a
 * list endpoint can only ever return rows the actor may see: the filter is in the query, not applied afterwards.
 * `subjectColumn` is the column holding the person the record is about (people.id, assets.holder_id, …); it comes
 * from code, never from input. A NULL subject matches only the `all` reach, as in canSee. `below`, when given, is
 * everyone below the actor (as the recursive walk would find them in the same snapshot), passed as one parameter.
 */
export function visibleCondition(actor: Actor, resource: Resource, subjectColumn: string, params: SqlParams, below?: readonly string[]): string {
  const reach = reachOf(actor, resource);
  switch (reach) {
    case 'all':
      return 'TRUE';
    case 'none':
      return 'FALSE';
    case 'own':
      return `${subjectColumn} = ${params.add(actor.personId)}::uuid`;
    case 'reports': {
      const me = params.add(actor.personId);
      // Everyone below me, already known (a pull reads it once for its scope fingerprint, in the same snapshot).
      if (below !== undefined) return `${subjectColumn} = ${me}::uuid OR ${subjectColumn} = ANY (${params.add(below)}::uuid[])`;
      // Everyone below me: my direct reports, their reports, and so on. UNION (not UNION ALL) drops repeats, so a
      // cycle in the hierarchy ends the walk instead of looping forever.
      return `${subjectColumn} = ${me}::uuid OR ${subjectColumn} IN (
        WITH RECURSIVE below (id) AS (
          SELECT id FROM people WHERE line_manager_id = ${me}::uuid
          UNION
          SELECT p.id FROM people p JOIN below b ON p.line_manager_id = b.id
        )
        SELECT id FROM below)`;
    }
  }
}
