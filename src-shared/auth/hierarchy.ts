/**
 * The line-management tree as the desktop knows it: each person's line manager, or null at the top.
 * `undefined` means "not in the directory". The tree is data people edit, so it may be wrong — even cyclic —
 * and every walk here stops at a person it has already seen rather than looping.
 */
export type ManagerOf = (personId: string) => string | null | undefined;

export interface HierarchyEntry {
  readonly id: string;
  readonly lineManagerId: string | null;
}

/** A ManagerOf over a list of people (the desktop's directory, a test fixture). */
export function managerLookup(people: Iterable<HierarchyEntry>): ManagerOf {
  const managers = new Map<string, string | null>();
  for (const person of people) managers.set(person.id, person.lineManagerId);
  return (personId) => managers.get(personId);
}

/** True when `managerId` is somewhere above `personId` (their manager, their manager's manager, …). */
export function isBelow(personId: string, managerId: string, managerOf: ManagerOf): boolean {
  const seen = new Set<string>([personId]);
  let current = managerOf(personId);
  while (current !== null && current !== undefined && !seen.has(current)) {
    if (current === managerId) return true;
    seen.add(current);
    current = managerOf(current);
  }
  return current === managerId;
}

/**
 * Everyone below `managerId`, for filtering a whole list at once (one pass instead of a walk per row).
 * The server answers the same question in SQL with a recursive CTE over the same column.
 */
export function everyoneBelow(managerId: string, people: Iterable<HierarchyEntry>): ReadonlySet<string> {
  const reports = new Map<string, string[]>();
  for (const person of people) {
    if (person.lineManagerId === null) continue;
    const list = reports.get(person.lineManagerId);
    if (list) list.push(person.id);
    else reports.set(person.lineManagerId, [person.id]);
  }
  const below = new Set<string>();
  const queue = [...(reports.get(managerId) ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (below.has(next)) continue;
    below.add(next);
    queue.push(...(reports.get(next) ?? []));
  }
  return below;
}
