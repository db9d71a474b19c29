import type { PersonCreateArgs } from '../../domain/person';
import type { IssueLog } from '../issues';
import type { Binding, PersonField } from '../layouts/layout';
import type { PersonCandidate } from '../rows/person-row';
import { directoryIndex, PeopleIndex, type ImportLookup, type PersonRef, type PersonReference } from './people-index';

/** A row that will be imported: person.create's arguments (line manager resolved), and the manager for display. */
export interface PlannedPerson {
  readonly row: number;
  readonly args: PersonCreateArgs;
  readonly lineManager: string | null;
}

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

function label(candidate: PersonCandidate): string {
  return candidate.args?.staffNumber ?? candidate.staffNumber ?? `row ${String(candidate.row)}`;
}

/** The manager graph inside the file: each row points at most at one manager row. */
class ManagerGraph {
  readonly managerOf = new Map<PersonCandidate, PersonCandidate>();
  readonly reportsOf = new Map<PersonCandidate, PersonCandidate[]>();

  link(report: PersonCandidate, manager: PersonCandidate): void {
    this.managerOf.set(report, manager);
    const reports = this.reportsOf.get(manager);
    if (reports) reports.push(report);
    else this.reportsOf.set(manager, [report]);
  }
}

class PeopleReconciler {
  private readonly graph = new ManagerGraph();
  private readonly storeManagers = new Map<PersonCandidate, PersonRef>();

  constructor(
    private readonly candidates: readonly PersonCandidate[],
    private readonly binding: Binding<PersonField>,
    private readonly lookup: ImportLookup,
    private readonly log: IssueLog,
  ) {}

  private blocked(candidate: PersonCandidate): boolean {
    return candidate.args === null || this.log.hasErrors(candidate.row);
  }

  /** Staff numbers and emails are unique: twice in the file (the first row keeps it) or already in the directory. */
  checkUnique(): void {
    const staffColumn = this.binding.column('staffNumber');
    const emailColumn = this.binding.column('email');
    const firstStaff = new Map<string, number>();
    const firstEmail = new Map<string, number>();
    for (const c of this.candidates) {
      const staffFirst = c.staffNumber === null ? undefined : firstStaff.get(c.staffNumber);
      if (c.staffNumber !== null && staffFirst !== undefined) this.log.error(c.row, staffColumn, `Staff number ${c.staffNumber} is already on row ${String(staffFirst)} of this file`);
      else if (c.staffNumber !== null) firstStaff.set(c.staffNumber, c.row);
      const emailFirst = c.email === null ? undefined : firstEmail.get(c.email);
      if (c.email !== null && emailFirst !== undefined) this.log.error(c.row, emailColumn, `Email address ${c.email} is already on row ${String(emailFirst)} of this file`);
      else if (c.email !== null) firstEmail.set(c.email, c.row);
    }
    const staffInUse = this.lookup.peopleByStaffNumber(distinct(this.candidates.map((c) => c.staffNumber)));
    const emailsInUse = this.lookup.peopleByEmail(distinct(this.candidates.map((c) => c.email)));
    for (const c of this.candidates) {
      const byStaff = c.staffNumber === null ? undefined : staffInUse.get(c.staffNumber);
      if (byStaff) this.log.error(c.row, staffColumn, `Staff number ${byStaff.staffNumber} already belongs to ${byStaff.name}`);
      const byEmail = c.email === null ? undefined : emailsInUse.get(c.email);
      if (byEmail) this.log.error(c.row, emailColumn, `Email address ${byEmail.email} already belongs to ${byEmail.name}`);
    }
  }

  /** Line managers: a row earlier or later in the file first, then the directory. */
  resolveManagers(): void {
    const file = new PeopleIndex<PersonCandidate>();
    for (const c of this.candidates) file.add(c, { staffNumber: c.staffNumber, email: c.email, name: c.name });
    const custodian = this.binding.layout.format === 'custodian';
    const fromDirectory: { candidate: PersonCandidate; reference: PersonReference }[] = [];
    for (const candidate of this.candidates) {
      const reference = candidate.lineManager;
      // Rows that already have errors are checked too, so the person can fix every problem in one pass.
      if (reference === null) continue;
      const inFile = file.resolve(reference);
      if (inFile.kind === 'found' && inFile.person === candidate) {
        this.log.error(candidate.row, reference.column, 'A person cannot be their own line manager');
      } else if (inFile.kind === 'found') {
        this.graph.link(candidate, inFile.person);
      } else if (inFile.kind === 'ambiguous') {
        this.log.error(candidate.row, reference.column, `${String(inFile.count)} people in this file are called "${reference.text}", so the line manager is unclear`);
      } else {
        fromDirectory.push({ candidate, reference });
      }
    }
    const directory = directoryIndex(this.lookup, fromDirectory.map(({ reference }) => reference));
    for (const { candidate, reference } of fromDirectory) {
      const found = directory.resolve(reference);
      if (found.kind === 'found') this.storeManagers.set(candidate, found.person);
      else if (found.kind === 'ambiguous') {
        this.log.error(candidate.row, reference.column, `${String(found.count)} people in the directory are called "${reference.text}", so the line manager is unclear`);
      } else {
        this.log.error(
          candidate.row,
          reference.column,
          custodian
            ? `Unknown line manager: no one with staff number ${reference.text} is in this file or the directory`
            : `Unknown line manager: no one called "${reference.text}" is in this file or the directory`,
        );
      }
    }
  }

  /** A row whose line manager (in the file) cannot be imported cannot be imported either: it would point at no one. */
  private cascadeFrom(start: readonly PersonCandidate[]): void {
    const queue = [...start];
    for (let manager = queue.pop(); manager !== undefined; manager = queue.pop()) {
      for (const report of this.graph.reportsOf.get(manager) ?? []) {
        if (this.blocked(report)) continue;
        const column = report.lineManager?.column ?? this.binding.column('lineManager');
        this.log.error(report.row, column, `Line manager ${label(manager)} (row ${String(manager.row)}) cannot be imported, so this row cannot be either`);
        queue.push(report);
      }
    }
  }

  /** Each row has at most one manager, so a loop is found by walking up from each row (no recursion: chains can be long). */
  private breakLoops(): void {
    const state = new Map<PersonCandidate, 'walking' | 'done'>();
    const inLoops: PersonCandidate[] = [];
    for (const start of this.candidates) {
      const path: PersonCandidate[] = [];
      let node: PersonCandidate | undefined = start;
      while (node !== undefined && !state.has(node) && !this.blocked(node)) {
        state.set(node, 'walking');
        path.push(node);
        node = this.graph.managerOf.get(node);
      }
      if (node !== undefined && state.get(node) === 'walking') {
        const loop = path.slice(path.indexOf(node));
        const chain = [...loop, node].map(label).join(' → ');
        for (const member of loop) this.log.error(member.row, member.lineManager?.column ?? '', `Line managers go round in a loop: ${chain}`);
        inLoops.push(...loop);
      }
      for (const walked of path) state.set(walked, 'done');
    }
    this.cascadeFrom(inLoops);
  }

  /** Managers before their reports, so person.create always finds the line manager it points at. */
  plan(): PlannedPerson[] {
    this.cascadeFrom(this.candidates.filter((c) => this.blocked(c)));
    this.breakLoops();
    const emitted = new Set<PersonCandidate>();
    const planned: PlannedPerson[] = [];
    for (const candidate of this.candidates) {
      if (this.blocked(candidate)) continue;
      const chain: PersonCandidate[] = [];
      for (let node: PersonCandidate | undefined = candidate; node !== undefined && !emitted.has(node); node = this.graph.managerOf.get(node)) chain.push(node);
      for (const node of chain.reverse()) {
        emitted.add(node);
        planned.push(this.planned(node));
      }
    }
    return planned;
  }

  private planned(candidate: PersonCandidate): PlannedPerson {
    const args = candidate.args as PersonCreateArgs;
    const fileManager = this.graph.managerOf.get(candidate)?.args;
    const storeManager = this.storeManagers.get(candidate);
    const manager = fileManager ?? storeManager;
    return {
      row: candidate.row,
      args: { ...args, lineManagerId: manager?.id ?? null },
      lineManager: manager ? `${manager.staffNumber} ${manager.name}` : null,
    };
  }
}

/**
 * Checks across rows and against the directory: unique staff numbers and emails, line managers found (in the file,
 * earlier or later, or in the directory), no loops. Returns the rows to import with managers ahead of their reports.
 */
export function reconcilePeople(candidates: readonly PersonCandidate[], binding: Binding<PersonField>, lookup: ImportLookup, log: IssueLog): PlannedPerson[] {
  const reconciler = new PeopleReconciler(candidates, binding, lookup, log);
  reconciler.checkUnique();
  reconciler.resolveManagers();
  return reconciler.plan();
}
