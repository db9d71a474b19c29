import type { Faker } from '@faker-js/faker';
import type { PersonStatus, Role } from '../domain/roles';
import { CURRENT_AUP_VERSION, trainingLapsed } from '../domain/policy';
import { LOCATIONS } from './catalogue';
import { dateDaysBefore } from './dates';
import { dealManagers, levelSizes } from './hierarchy';
import { IdentifierMaker } from './identifiers';
import type { DemoMutation } from './mutation';
import { personName } from './names';
import { quotas, shuffledQuotas } from './seeded-faker';

/** One generated person: what the asset stories need to know about them. */
export interface PersonPlan {
  readonly id: string;
  readonly staffNumber: string;
  readonly name: string;
  readonly email: string;
  /** 1 is the head of the department; the last level manages no one. */
  readonly level: number;
  readonly lineManagerId: string | null;
  readonly roles: readonly Role[];
  readonly status: PersonStatus;
  /** AUP 1.8: the latest completion date once the department is loaded (after any renewal below). */
  readonly trainingCompletedOn: string | null;
  /** The date on record before a renewal recorded with person.recordTraining, if there was one. */
  readonly trainingBeforeRenewal: string | null;
  /** Whether the person confirms the AUP on its own (not at an issue), with person.acknowledgeAup. */
  readonly acknowledgesAupSeparately: boolean;
  /** Where they work: the location of the kit they hold. */
  readonly office: string;
}

export interface PeoplePlan {
  readonly people: readonly PersonPlan[];
  /** Who may be issued kit: everyone but leavers who have gone (AUP 8.4: a person who has left holds nothing). */
  readonly eligibleHolders: readonly PersonPlan[];
}

/** Shares of the last level (everyone above manages people and is active). */
const FRONTLINE_STATUS = { active: 92, leaving: 3, left: 5 } as const;
/** AUP 1.8: most are in date, some lapsed, a few never recorded. */
const TRAINING = { current: 78, lapsed: 15, never: 7 } as const;
/** Share of people in date whose record shows an earlier, lapsed course renewed through person.recordTraining. */
const RENEWED_SHARE = 0.12;

/** A handful of each specialist role however big the department: they are picked from the last level. */
function specialistCounts(people: number): Record<'it_service_desk' | 'security' | 'admin', number> {
  return {
    it_service_desk: Math.max(4, Math.round(Math.sqrt(people) / 4)),
    security: Math.max(2, Math.round(Math.sqrt(people) / 8)),
    admin: 1 + Math.floor(people / 50_000),
  };
}

/**
 * Training dates keep a week clear of the 365-day lapse boundary on either side, so whether a person's training
 * has lapsed is the same on the day the department was generated and on the days just after, when it is loaded.
 */
function trainingDate(faker: Faker, asOf: string, kind: 'current' | 'lapsed'): string {
  const days = kind === 'current' ? faker.number.int({ min: 1, max: 358 }) : faker.number.int({ min: 372, max: 1_100 });
  return dateDaysBefore(asOf, days);
}

interface Draft {
  id: string;
  staffNumber: string;
  name: string;
  email: string;
  level: number;
  lineManagerId: string | null;
  roles: Role[];
  status: PersonStatus;
  trainingCompletedOn: string | null;
  trainingBeforeRenewal: string | null;
  acknowledgesAupSeparately: boolean;
  office: string;
}

function draftPeople(faker: Faker, ids: () => string, total: number, levels: number): Draft[] {
  const identifiers = new IdentifierMaker(faker);
  const drafts: Draft[] = [];
  let managers: Draft[] = [];
  levelSizes(total, levels).forEach((size, index) => {
    const level = index + 1;
    const dealt = dealManagers(faker.helpers.shuffle([...managers]), size);
    const atLevel = dealt.map((manager): Draft => {
      const name = personName(faker);
      return {
        id: ids(),
        staffNumber: identifiers.nextStaffNumber(),
        name: `${name.given} ${name.family}`,
        email: identifiers.email(name),
        level,
        lineManagerId: manager?.id ?? null,
        roles: level < levels ? ['staff', 'line_manager'] : ['staff'],
        status: 'active',
        trainingCompletedOn: null,
        trainingBeforeRenewal: null,
        acknowledgesAupSeparately: false,
        // Teams mostly sit with their manager.
        office: manager !== null && faker.number.float() < 0.8 ? manager.office : faker.helpers.arrayElement(LOCATIONS),
      };
    });
    drafts.push(...atLevel);
    managers = atLevel;
  });
  return drafts;
}

/** Specialist roles for some of the front line, and leavers among the rest (specialists stay active). */
function assignRolesAndStatuses(faker: Faker, drafts: Draft[], levels: number): void {
  const frontline = faker.helpers.shuffle(drafts.filter((draft) => draft.level === levels));
  let next = 0;
  for (const [role, count] of Object.entries(specialistCounts(drafts.length)) as [Role, number][]) {
    for (let i = 0; i < count; i += 1, next += 1) frontline[next]?.roles.push(role);
  }
  const rest = frontline.slice(next);
  shuffledQuotas(faker, quotas(FRONTLINE_STATUS, rest.length)).forEach((status, index) => {
    (rest[index] as Draft).status = status;
  });
}

function assignTraining(faker: Faker, drafts: Draft[], asOf: string): void {
  shuffledQuotas(faker, quotas(TRAINING, drafts.length)).forEach((kind, index) => {
    const draft = drafts[index] as Draft;
    if (kind === 'never') return;
    draft.trainingCompletedOn = trainingDate(faker, asOf, kind);
    if (kind === 'current' && faker.number.float() < RENEWED_SHARE) draft.trainingBeforeRenewal = trainingDate(faker, asOf, 'lapsed');
  });
  for (const draft of drafts) draft.acknowledgesAupSeparately = draft.status === 'active' && faker.number.float() < 0.04;
}

/** The people of a department: a line-management tree of `levels` levels, roles, leavers, training and AUP records. */
export function planPeople(faker: Faker, ids: () => string, scale: { people: number; levels: number }, asOf: string): PeoplePlan {
  const drafts = draftPeople(faker, ids, scale.people, scale.levels);
  assignRolesAndStatuses(faker, drafts, scale.levels);
  assignTraining(faker, drafts, asOf);
  const people: PersonPlan[] = drafts;
  return { people, eligibleHolders: people.filter((person) => person.status !== 'left') };
}

/** Whether issuing to this person needs a stated reason (AUP 1.8), as the issue mutator will judge it. */
export function needsTrainingLapseReason(person: PersonPlan, asOf: string): boolean {
  return trainingLapsed(person.trainingCompletedOn, asOf);
}

/** One person in this many below the top two levels joined another team first and has since moved to their own. */
const MOVED_TEAM_EVERY = 97;

/**
 * Who joined under another manager and has since moved team: picked by position (no random draws, so the rest of the
 * seeded department is the same with or without them), each first placed under the manager listed after their own
 * among the managers of that level. Returns person id → the earlier manager's id.
 */
function earlierManagers(people: readonly PersonPlan[]): Map<string, string> {
  const managersByLevel = new Map<number, string[]>();
  const level = new Map(people.map((person) => [person.id, person.level]));
  for (const person of people) {
    if (!person.roles.includes('line_manager')) continue;
    const list = managersByLevel.get(person.level) ?? [];
    list.push(person.id);
    managersByLevel.set(person.level, list);
  }
  const earlier = new Map<string, string>();
  people.forEach((person, index) => {
    if (person.level < 3 || person.lineManagerId === null || index % MOVED_TEAM_EVERY !== 0) return;
    const peers = managersByLevel.get(level.get(person.lineManagerId) ?? 0) ?? [];
    if (peers.length < 2) return;
    const other = peers[(peers.indexOf(person.lineManagerId) + 1) % peers.length];
    if (other !== undefined && other !== person.lineManagerId) earlier.set(person.id, other);
  });
  return earlier;
}

/**
 * The people's writes: each person created after their line manager (top level first), then the team moves, then the
 * training renewals, then the AUP confirmations given outside an issue.
 */
export function* peopleMutations(plan: PeoplePlan): Generator<DemoMutation> {
  const earlier = earlierManagers(plan.people);
  for (const person of plan.people) {
    yield {
      name: 'person.create',
      args: {
        id: person.id,
        staffNumber: person.staffNumber,
        name: person.name,
        email: person.email,
        lineManagerId: earlier.get(person.id) ?? person.lineManagerId ?? '',
        roles: [...person.roles],
        status: person.status,
        trainingCompletedOn: person.trainingBeforeRenewal ?? person.trainingCompletedOn,
      },
    };
  }
  for (const person of plan.people) {
    if (earlier.has(person.id)) yield { name: 'person.changeLineManager', args: { personId: person.id, lineManagerId: person.lineManagerId } };
  }
  for (const person of plan.people) {
    if (person.trainingBeforeRenewal !== null && person.trainingCompletedOn !== null) {
      yield { name: 'person.recordTraining', args: { personId: person.id, completedOn: person.trainingCompletedOn } };
    }
  }
  for (const person of plan.people) {
    if (person.acknowledgesAupSeparately) {
      yield { name: 'person.acknowledgeAup', args: { personId: person.id, policyVersion: CURRENT_AUP_VERSION, confirmed: true } };
    }
  }
}
