import type { Role } from '../domain/roles';
import type { MutatorName } from '../mutators/registry';
import { hasRole, type Actor } from './actor';

/**
 * Who may run each mutator (AUP 2.x/3.x least privilege). Reading is governed by visibility.ts; this table governs
 * writing. The server re-checks it for every pushed mutation; the desktop can use it to offer only allowed actions.
 *
 * A grant is a role and how far it reaches over the records the mutation changes:
 *   all     – any record;
 *   reports – records about the actor or anyone below them in the line-management hierarchy;
 *   own     – records about the actor.
 * "About" is each record's subject as visibility.ts defines it (a person: themself; an asset: its holder; an event or
 * an AUP confirmation: its person). A mutation is allowed when one grant's role is held and every record it changes,
 * before and after the change, is within that grant's reach.
 */
export type GrantReach = 'own' | 'reports' | 'all';

export interface Grant {
  readonly role: Role;
  readonly over: GrantReach;
}

export interface MutatorRule {
  /** What the mutation does, for refusals: "Not applied: you may not {verb}…". */
  readonly verb: string;
  readonly grants: readonly Grant[];
  /**
   * No grant reaches a record about the actor themself, whatever its reach: a fact someone else has to vouch for
   * (a person recording their own training completion would be marking their own homework).
   */
  readonly notAboutSelf?: true;
}

const serviceDesk: Grant = { role: 'it_service_desk', over: 'all' };

function deskOnly(verb: string): MutatorRule {
  return { verb, grants: [serviceDesk] };
}

/** Loss, theft and damage are reported at once (AUP 8.2): by the holder, their line managers, the desk or security. */
function report(verb: string): MutatorRule {
  return {
    verb,
    grants: [serviceDesk, { role: 'security', over: 'all' }, { role: 'line_manager', over: 'reports' }, { role: 'staff', over: 'own' }],
  };
}

/** Every mutator must be listed (a new one is a compile error here until someone decides who may run it). */
export const MUTATOR_RULES: { readonly [N in MutatorName]: MutatorRule } = {
  // The register is the IT service desk's: receiving, issuing, returns, repairs and disposal happen at the desk
  // (DESIGN.md, "Who uses it"). AUP 8.4 has line managers complete leavers' exit procedures (a return checklist), not
  // record the equipment back into the register: the desk does that when the kit is handed in, so returns and restocks
  // stay desk-only.
  'asset.create': deskOnly('add assets to the register'),
  'asset.issue': deskOnly('issue equipment'),
  'asset.return': deskOnly('take equipment back'),
  'asset.returnMany': deskOnly('take equipment back'),
  'asset.restock': deskOnly('put equipment back into stock'),
  'asset.sendToRepair': deskOnly('send equipment for repair'),
  'asset.completeRepair': deskOnly('return repaired equipment to stock'),
  'asset.retire': deskOnly('retire equipment'),
  'asset.dispose': deskOnly('dispose of equipment'),
  'asset.markLost': report('report equipment lost'),
  'asset.markStolen': report('report equipment stolen'),
  'asset.markDamaged': report('report equipment damaged'),
  'asset.import': deskOnly('import assets into the register'),
  // AUP 8.2: one report does what the policy asks (asset status, security incident, line manager, phone suspension).
  'asset.reportLoss': report('report equipment lost, stolen or damaged'),
  // The desk acts on phone suspension requests (DESIGN.md, "Who uses it"): it is the one talking to the carrier and MDM.
  'suspension.suspend': deskOnly('record phone suspensions'),
  'suspension.requestWipe': deskOnly('request remote wipes'),
  'suspension.confirmWipe': deskOnly('confirm remote wipes'),
  'suspension.reinstate': deskOnly('reinstate suspended phones'),
  // The security team owns incidents; the desk closes them too, as it is where recovered and replacement kit arrives.
  'incident.close': { verb: 'close security incidents', grants: [serviceDesk, { role: 'security', over: 'all' }] },
  // The directory: admins manage it; the desk adds people when importing a department's users.
  'person.create': { verb: 'add people to the directory', grants: [{ role: 'admin', over: 'all' }, serviceDesk] },
  'person.import': { verb: 'import people into the directory', grants: [{ role: 'admin', over: 'all' }, serviceDesk] },
  // AUP 1.8: completions are recorded by those who track training, and by line managers for their reports; never by
  // anyone for themself (staff hold no grant at all, and no grant reaches one's own record).
  'person.recordTraining': {
    verb: 'record security training',
    grants: [{ role: 'admin', over: 'all' }, serviceDesk, { role: 'security', over: 'all' }, { role: 'line_manager', over: 'reports' }],
    notAboutSelf: true,
  },
  // AUP 1.1: a person confirms the AUP themself, or at the desk, where the desk records it.
  'person.acknowledgeAup': { verb: 'record an Acceptable Use Policy confirmation', grants: [{ role: 'staff', over: 'own' }, serviceDesk] },
  // The line-management hierarchy is the admins' (DESIGN.md, "Who uses it"); the desk keeps it in step when teams move.
  // It decides who sees whom, so line managers may not move people themselves.
  'person.changeLineManager': { verb: 'change line managers', grants: [{ role: 'admin', over: 'all' }, serviceDesk] },
  // Travel (AUP 7.13, 7.14). A trip is its traveller's to request, resubmit and withdraw; line managers decide for their
  // reports, the security team reviews anyone's; nobody decides on their own trip (notAboutSelf, and the domain too).
  'travel.request': { verb: 'request travel', grants: [{ role: 'staff', over: 'own' }] },
  'travel.resubmit': { verb: 'resubmit travel requests', grants: [{ role: 'staff', over: 'own' }] },
  'travel.withdraw': { verb: 'withdraw travel requests', grants: [{ role: 'staff', over: 'own' }] },
  'travel.approveAsManager': { verb: 'give line manager approval for travel', grants: [{ role: 'line_manager', over: 'reports' }], notAboutSelf: true },
  'travel.approveAsSecurity': { verb: 'give security approval for travel', grants: [{ role: 'security', over: 'all' }], notAboutSelf: true },
  'travel.reject': { verb: 'reject travel requests', grants: [{ role: 'line_manager', over: 'reports' }, { role: 'security', over: 'all' }], notAboutSelf: true },
  'travel.cancel': { verb: 'cancel approved trips', grants: [{ role: 'line_manager', over: 'reports' }, { role: 'security', over: 'all' }], notAboutSelf: true },
  // Departure and returns are facts the traveller or their line managers record.
  'travel.recordDeparture': { verb: 'record departures', grants: [{ role: 'staff', over: 'own' }, { role: 'line_manager', over: 'reports' }] },
  'travel.confirmDeviceReturned': { verb: 'confirm devices back from travel', grants: [{ role: 'staff', over: 'own' }, { role: 'line_manager', over: 'reports' }] },
  'travel.recordReturn': { verb: 'record returns from travel', grants: [{ role: 'staff', over: 'own' }, { role: 'line_manager', over: 'reports' }] },
  // The security team maintains the country policy; a tightening flags anyone's trips in the same mutation.
  'countryPolicy.change': { verb: 'change the country policy', grants: [{ role: 'security', over: 'all' }] },
};

export function ruleFor(name: string): MutatorRule | undefined {
  return Object.hasOwn(MUTATOR_RULES, name) ? MUTATOR_RULES[name as MutatorName] : undefined;
}

/** The grants among a rule's that the actor's roles hold (staff is held by everyone). */
export function heldGrants(actor: Actor, rule: MutatorRule): readonly Grant[] {
  return rule.grants.filter((grant) => hasRole(actor, grant.role));
}

/** Whether the rule forbids the actor a record about `subjectId` whatever the grant (notAboutSelf and the actor's own). */
export function barredAsSelf(actor: Actor, rule: MutatorRule, subjectId: string | null): boolean {
  return rule.notAboutSelf === true && subjectId === actor.personId;
}

/**
 * Whether `grant` reaches a record about `subjectId` (null: about nobody, like an asset in stock). `isReport` says
 * whether a person is below the actor in the hierarchy (the caller knows the hierarchy; the desktop and the server
 * answer it differently). The rule's notAboutSelf is checked separately (barredAsSelf), before any grant.
 */
export function grantReaches(actor: Actor, grant: Grant, subjectId: string | null, isReport: (personId: string) => boolean): boolean {
  switch (grant.over) {
    case 'all':
      return true;
    case 'own':
      return subjectId === actor.personId;
    case 'reports':
      return subjectId !== null && (subjectId === actor.personId || isReport(subjectId));
  }
}
