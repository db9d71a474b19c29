import { ROLE_VALUES, type Role } from '../domain/roles';
import { hasRole, type Actor } from './actor';
import { isBelow, type ManagerOf } from './hierarchy';

/**
 * Kinds of record whose visibility depends on who is asking. Each is "about" one person (its subject), and
 * visibility follows that person: a person record is about themself, an asset about its holder, an asset event
 * about the person whose custody it concerns, a security incident (its reports, suspension and timeline) about the
 * person who held the asset when it was reported, a trip (its legs, devices, timeline and notices) about its traveller, and the country policy about nobody in
 * particular: everyone may read it. Leaver cases join this list later.
 */
export const RESOURCES = ['person', 'asset', 'asset_event', 'incident', 'trip', 'country_policy'] as const;

export type Resource = (typeof RESOURCES)[number];

/**
 * How far an actor sees records of one kind, narrowest first:
 *   none    – nothing;
 *   own     – records about themself;
 *   reports – their own, and those of everyone below them in the line-management hierarchy;
 *   all     – every record.
 */
export const REACHES = ['none', 'own', 'reports', 'all'] as const;

export type Reach = (typeof REACHES)[number];

/**
 * THE table: what each role needs to see (AUP 2.x/3.x least privilege). A person with several roles gets the
 * widest reach any of them grants. Records with no subject (an asset in stock) are seen only with `all`.
 *
 * - Staff see what they hold and their own history.
 * - Line managers see their whole chain of reports: they approve travel and run leavers' returns for them.
 * - The IT service desk runs the whole register, so it sees every asset, its history, and everyone it may issue to.
 * - The security team investigates losses and reviews travel for anyone, so it sees the same.
 * - Incidents (AUP 8.2) stay with the person who held the asset after it leaves their custody: they and their line
 *   managers keep seeing the report; the desk (phone suspensions) and the security team see every incident.
 * - Admins manage accounts, roles and the hierarchy for everyone, but custody is not their business: for assets they
 *   see only what their other roles allow.
 * - Trips (AUP 7.13) are the traveller's, their line managers' (who approve them), the security team's (who review them
 *   and must know who is abroad) and the desk's (whose equipment goes); the country policy is everyone's to read.
 */
export const REACH_BY_ROLE: { readonly [R in Resource]: { readonly [K in Role]: Reach } } = {
  person: { staff: 'own', line_manager: 'reports', it_service_desk: 'all', security: 'all', admin: 'all' },
  asset: { staff: 'own', line_manager: 'reports', it_service_desk: 'all', security: 'all', admin: 'none' },
  asset_event: { staff: 'own', line_manager: 'reports', it_service_desk: 'all', security: 'all', admin: 'none' },
  incident: { staff: 'own', line_manager: 'reports', it_service_desk: 'all', security: 'all', admin: 'none' },
  trip: { staff: 'own', line_manager: 'reports', it_service_desk: 'all', security: 'all', admin: 'none' },
  country_policy: { staff: 'all', line_manager: 'all', it_service_desk: 'all', security: 'all', admin: 'all' },
};

function wider(a: Reach, b: Reach): Reach {
  return REACHES.indexOf(a) >= REACHES.indexOf(b) ? a : b;
}

/** The widest reach among the actor's roles (staff included for everyone). */
export function reachOf(actor: Actor, resource: Resource): Reach {
  return ROLE_VALUES.filter((role) => hasRole(actor, role)).reduce<Reach>((reach, role) => wider(reach, REACH_BY_ROLE[resource][role]), 'none');
}

/**
 * May the actor see a record of this kind whose subject is `subjectId` (null: about nobody)?
 * The desktop uses this to filter what it holds; the server turns the same reach into SQL (src-server/authz).
 */
export function canSee(actor: Actor, resource: Resource, subjectId: string | null, managerOf: ManagerOf): boolean {
  const reach = reachOf(actor, resource);
  switch (reach) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'own':
      return subjectId === actor.personId;
    case 'reports':
      return subjectId !== null && (subjectId === actor.personId || isBelow(subjectId, actor.personId, managerOf));
  }
}

/** The person each kind of record is about. */
export const subjectOf = {
  person: (person: { readonly id: string }) => person.id,
  asset: (asset: { readonly holderId: string | null }) => asset.holderId,
  asset_event: (event: { readonly personId: string | null }) => event.personId,
  incident: (record: { readonly personId: string | null }) => record.personId,
  trip: (record: { readonly travellerId: string }) => record.travellerId,
  country_policy: () => null,
} as const satisfies { readonly [R in Resource]: (record: never) => string | null };

export function canSeePerson(actor: Actor, person: { readonly id: string }, managerOf: ManagerOf): boolean {
  return canSee(actor, 'person', subjectOf.person(person), managerOf);
}

export function canSeeAsset(actor: Actor, asset: { readonly holderId: string | null }, managerOf: ManagerOf): boolean {
  return canSee(actor, 'asset', subjectOf.asset(asset), managerOf);
}

export function canSeeAssetEvent(actor: Actor, event: { readonly personId: string | null }, managerOf: ManagerOf): boolean {
  return canSee(actor, 'asset_event', subjectOf.asset_event(event), managerOf);
}
