import type { Role } from '../roles';
import type { LeaverParty } from './case-lifecycle';
import type { PersonRef } from './checklist-item';

/**
 * Who is acting, and whether they are one of the parties a step allows (case-lifecycle.ts, LeaverParty). How far a
 * line manager reaches over the hierarchy is worked out by the caller (the desktop and the server answer it from their
 * own stores) and handed in as the leaver's manager chain; this module only reads it.
 */
export interface LeaverActor {
  readonly personId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface CaseParties {
  readonly leaverId: string;
  readonly leaverName: string;
  /** The leaver's line managers, direct manager first, then theirs, up to the top of the hierarchy. */
  readonly managerChain: readonly PersonRef[];
}

export function isParty(party: LeaverParty, actor: LeaverActor, parties: CaseParties): boolean {
  // Nobody acts on their own case: an administrator or a desk officer who is leaving is a leaver like anyone else.
  if (actor.personId === parties.leaverId) return false;
  switch (party) {
    case 'line_manager':
      return actor.roles.includes('line_manager') && parties.managerChain.some((manager) => manager.personId === actor.personId);
    case 'admin':
      return actor.roles.includes('admin');
    case 'service_desk':
      return actor.roles.includes('it_service_desk');
  }
}

function partyName(party: LeaverParty, parties: CaseParties): string | null {
  switch (party) {
    case 'line_manager': {
      const direct = parties.managerChain[0];
      // Someone at the top of the hierarchy has no line manager: only the others can act for them.
      return direct === undefined ? null : `${parties.leaverName}'s line manager (${direct.name} or a manager above them)`;
    }
    case 'admin':
      return 'an administrator';
    case 'service_desk':
      return 'the IT service desk';
  }
}

function joinOr(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/** What is being done, worded for a refusal: "sign off" + "Jo Bloggs's leaver case (…)", or "your own leaver case". */
export interface PartyAction {
  readonly verb: string;
  readonly what: string;
  /** `what` when the actor is the leaver. */
  readonly ownWhat: string;
}

/**
 * Null when the actor is one of `by`; otherwise why not, naming who can: "Only Jo Bloggs's line manager (Meg Manager or
 * a manager above them) or an administrator can sign off Jo Bloggs's leaver case (…)".
 */
export function partyRefusal(action: PartyAction, by: readonly LeaverParty[], actor: LeaverActor, parties: CaseParties): string | null {
  if (by.some((party) => isParty(party, actor, parties))) return null;
  const who = joinOr(by.flatMap((party) => partyName(party, parties) ?? []));
  if (actor.personId === parties.leaverId) return `You cannot ${action.verb} ${action.ownWhat}: only ${who} can`;
  return `Only ${who} can ${action.verb} ${action.what}`;
}
