import type { Actor } from '../../../src-shared/auth/actor';
import { barredAsSelf, grantReaches, heldGrants, type Grant, type MutatorRule } from '../../../src-shared/auth/mutator-permissions';
import { ROLES } from '../../../src-shared/domain/roles';
import { DomainError } from '../../../src-shared/result';
import { subjectOfRow } from '../synced-columns';
import type { RowChange } from '../write/row-store';

function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/** Refuses before running when none of the rule's roles is held (no need to look at any record). */
export function requireSomeGrant(actor: Actor, rule: MutatorRule): readonly Grant[] {
  const held = heldGrants(actor, rule);
  if (held.length > 0) return held;
  const have = list(actor.roles.length > 0 ? actor.roles.map((role) => ROLES[role]) : [ROLES.staff]);
  const need = list([...new Set(rule.grants.map((grant) => ROLES[grant.role]))]);
  throw new DomainError('forbidden', `Your roles (${have}) do not allow you to ${rule.verb}: that needs the ${need} role`);
}

/**
 * After a mutation ran (its writes still undoable): every record it changed must be within the reach of one grant the
 * actor holds — a record it updated as it was before (what they acted on), a record it made as it is. After an update
 * the record may also be about nobody (equipment lost or handed back leaves everyone's custody), but never about
 * someone out of reach. So a member of staff can report their own laptop lost but not a colleague's, and a line
 * manager can do it for their reports only. A rule that is never about oneself (recording training) refuses a change
 * to the actor's own record first, whatever their grants. `isReport` walks the hierarchy as this push sees it (people
 * it has just added included).
 */
export async function requireChangesInReach(
  actor: Actor,
  rule: MutatorRule,
  held: readonly Grant[],
  changes: readonly RowChange[],
  isReport: (personId: string) => Promise<boolean>,
): Promise<void> {
  if (rule.notAboutSelf === true && changes.some((change) => touchesSelf(actor, rule, change))) {
    throw new DomainError('forbidden', `You may not ${rule.verb} for yourself: someone else who may do so has to record it`);
  }
  if (held.some((grant) => grant.over === 'all')) return;
  // Subjects that must be in reach, and subjects that must be in reach unless nobody (null).
  const required = new Set<string | null>();
  const landed = new Set<string>();
  for (const change of changes) {
    const after = subjectOfRow(change.table, change.after);
    if (change.before === null) {
      required.add(after);
    } else {
      required.add(subjectOfRow(change.table, change.before));
      if (after !== null) landed.add(after);
    }
  }
  const reports = new Set<string>();
  for (const subject of [...required, ...landed]) {
    if (subject !== null && subject !== actor.personId && (await isReport(subject))) reports.add(subject);
  }
  const inReach = (grant: Grant) => (subject: string | null) => grantReaches(actor, grant, subject, (id) => reports.has(id));
  if (held.some((grant) => [...required].every(inReach(grant)) && [...landed].every(inReach(grant)))) return;
  const widest = held.some((grant) => grant.over === 'reports') ? 'yourself and the people who report to you' : 'yourself';
  throw new DomainError('forbidden', `You may ${rule.verb} only for ${widest}`);
}

/** Whether a change's record was, or becomes, about the actor under a rule that is never about oneself. */
function touchesSelf(actor: Actor, rule: MutatorRule, change: RowChange): boolean {
  const before = change.before === null ? null : subjectOfRow(change.table, change.before);
  return barredAsSelf(actor, rule, before) || barredAsSelf(actor, rule, subjectOfRow(change.table, change.after));
}

/** Whether `personId` is somewhere below `managerId`, walking up line managers through `managerOf` (cycles stop). */
export async function isBelow(personId: string, managerId: string, managerOf: (id: string) => Promise<string | null>): Promise<boolean> {
  const seen = new Set<string>([personId]);
  let current = await managerOf(personId);
  while (current !== null && !seen.has(current)) {
    if (current === managerId) return true;
    seen.add(current);
    current = await managerOf(current);
  }
  return false;
}
