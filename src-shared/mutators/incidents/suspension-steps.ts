import { z } from 'zod';
import { optionalText, recordId, requiredText } from '../../domain/fields';
import { canTakeStep, STEP_STAMPS, SUSPENSION_STEPS, suspensionRefusal, type PhoneSuspensionRow, type SuspensionStep } from '../../domain/phone-suspension';
import { DomainError } from '../../result';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';
import { appendIncidentEvent, loadIncident, nameOf } from './incident-records';

/** An incident has at most one suspension request (its phone's), so a step names the incident. */
async function loadSuspension(tx: MutatorTx, incidentId: string): Promise<PhoneSuspensionRow> {
  const suspension = await tx.findBy('phone_suspensions', 'incidentId', incidentId);
  if (!suspension) {
    const message = 'That security incident has no phone suspension request on this desktop';
    throw new DomainError('not_found', message, { incidentId: message });
  }
  return suspension;
}

/**
 * One step of the suspension queue: checked against the state machine (a refusal names the current state, who set it
 * and when), then the status moves, the step's own time and actor are stamped, and the incident's timeline says so.
 */
async function takeStep(tx: MutatorTx, incidentId: string, step: SuspensionStep, note: string | null, extra: Partial<PhoneSuspensionRow> = {}): Promise<void> {
  const suspension = await loadSuspension(tx, incidentId);
  const incident = await loadIncident(tx, suspension.incidentId);
  if (!canTakeStep(step, suspension.status)) {
    const setByName = await nameOf(tx, suspension.statusChangedBy);
    throw new DomainError(
      'conflict',
      suspensionRefusal(step, { assetTag: incident.assetTag, status: suspension.status, setByName, setAt: suspension.statusChangedAt }),
    );
  }
  const { now, actorId } = tx.context;
  const stamps = STEP_STAMPS[step];
  await tx.update('phone_suspensions', suspension.id, {
    ...extra,
    status: SUSPENSION_STEPS[step].to,
    [stamps.at]: now,
    [stamps.by]: actorId,
    statusChangedAt: now,
    statusChangedBy: actorId,
  });
  await appendIncidentEvent(tx, incident, step, note);
}

const withNote = z.strictObject({ incidentId: recordId('incident'), note: optionalText({ label: 'note', max: 1000 }) });

/** The carrier has suspended the line: its reference is recorded with the step. */
export const suspensionSuspend = defineMutator({
  name: 'suspension.suspend',
  args: z.strictObject({
    incidentId: recordId('incident'),
    carrierReference: requiredText({ label: 'carrier’s reference', max: 60 }),
    note: optionalText({ label: 'note', max: 1000 }),
  }),
  async run(tx, { incidentId, carrierReference, note }) {
    const said = `Carrier reference ${carrierReference}`;
    await takeStep(tx, incidentId, 'suspend', note === null ? said : `${said}\n${note}`, { carrierReference });
  },
});

export const suspensionRequestWipe = defineMutator({
  name: 'suspension.requestWipe',
  args: withNote,
  async run(tx, { incidentId, note }) {
    await takeStep(tx, incidentId, 'requestWipe', note);
  },
});

export const suspensionConfirmWipe = defineMutator({
  name: 'suspension.confirmWipe',
  args: withNote,
  async run(tx, { incidentId, note }) {
    await takeStep(tx, incidentId, 'confirmWipe', note);
  },
});

/** The phone is back (or was never at risk): the carrier has restored the line. */
export const suspensionReinstate = defineMutator({
  name: 'suspension.reinstate',
  args: withNote,
  async run(tx, { incidentId, note }) {
    await takeStep(tx, incidentId, 'reinstate', note);
  },
});
