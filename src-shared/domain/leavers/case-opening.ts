import { describeMoment } from '../asset-lifecycle';
import { err, ok, type Result } from '../../result';
import { invalidInput } from '../../validation';
import { formatDate } from '../travel/trip-dates';
import { OPEN_CASE_PARTIES } from './case-lifecycle';
import { partyRefusal, type LeaverActor } from './case-parties';
import { invalidFields } from './case-update';
import { buildChecklist, type HeldAsset } from './checklist';
import type { PersonRef } from './checklist-item';
import type { PersonFacts } from './command-context';
import { openCaseArgs } from './leaver-args';
import type { LeaverOutcome } from './leaver-effects';
import type { LeaverCase } from './leaver-case';
import { leavingDateProblem } from './leaving-date';

/**
 * Opening a case: the arguments' shape, who may open it, then the facts of the store (has the person left? have they an
 * open case already? is the leaving date sensible?), all field problems together. On success the case comes back with
 * its checklist built from what the person holds now, and the effect that marks them as leaving.
 */

export interface OpeningFacts {
  readonly actor: LeaverActor;
  /** The mutation's moment (ISO). */
  readonly at: string;
  /** Today's date in the UK (YYYY-MM-DD), worked out by the caller. */
  readonly today: string;
  /** The person named, as the store knows them; undefined when nobody has that id. */
  readonly person: PersonFacts | undefined;
  /** Their line managers, direct manager first. */
  readonly managerChain: readonly PersonRef[];
  /** Their case that is still open, if any: a person has at most one. */
  readonly openCase: LeaverCase | null;
  /** Every asset the register has issued to them now. */
  readonly held: readonly HeldAsset[];
}

export function openLeaverCase(args: unknown, facts: OpeningFacts): Result<LeaverOutcome> {
  const parsed = openCaseArgs.safeParse(args);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, 'The leaver case') };
  const { id, personId, leavingDate } = parsed.data;
  const person = facts.person;
  if (person?.personId !== personId) {
    return err('not_found', 'That person is not in the directory', { personId: 'Choose the leaver from the directory' });
  }
  const parties = { leaverId: person.personId, leaverName: person.name, managerChain: facts.managerChain };
  const notAllowed = partyRefusal({ verb: 'open a leaver case for', what: person.name, ownWhat: 'yourself' }, OPEN_CASE_PARTIES, facts.actor, parties);
  if (notAllowed !== null) return err('forbidden', notAllowed);

  const fields: Record<string, string> = {};
  if (person.status === 'left') {
    fields['personId'] = `${person.name} has already left: their equipment is reconciled in the register, not through a new leaver case`;
  } else if (facts.openCase !== null) {
    const open = facts.openCase;
    fields['personId'] = `${person.name} already has an open leaver case, opened by ${open.openedBy.name} on ${describeMoment(open.openedAt)} (leaving ${formatDate(open.leavingDate)}): carry on with that case`;
  }
  const dateProblem = leavingDateProblem(leavingDate, facts.today);
  if (dateProblem !== null) fields['leavingDate'] = dateProblem;
  if (Object.keys(fields).length > 0) return invalidFields('The leaver case', fields);

  const openedBy = { personId: facts.actor.personId, name: facts.actor.name };
  const leaverCase: LeaverCase = {
    id,
    personId,
    personName: person.name,
    leavingDate,
    openedBy,
    openedAt: facts.at,
    status: 'open',
    statusSetBy: openedBy.personId,
    statusSetByName: openedBy.name,
    statusSetAt: facts.at,
    items: buildChecklist(facts.held, openedBy, facts.at),
    cancellation: null,
    leavingDateChange: null,
  };
  return ok({ leaverCase, effects: [{ kind: 'setPersonStatus', personId, status: 'leaving' }] });
}
