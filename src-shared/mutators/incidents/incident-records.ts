import { PHONE_TYPES, type AssetType } from '../../domain/asset';
import type { IncidentEvent } from '../../domain/incident-event';
import type { SecurityIncidentRow } from '../../domain/security-incident';
import { DomainError } from '../../result';
import type { MutatorTx } from '../tx';

/** Appends one entry to an incident's timeline, about the incident's person, stamped with who and when. */
export async function appendIncidentEvent(
  tx: MutatorTx,
  incident: Pick<SecurityIncidentRow, 'id' | 'personId'>,
  event: IncidentEvent,
  note: string | null,
): Promise<void> {
  const { now, actorId, clientId } = tx.context;
  await tx.insert('incident_events', { id: tx.newId(), incidentId: incident.id, personId: incident.personId, event, note, actorId, clientId, at: now });
}

/**
 * AUP 8.2: a work phone's loss or damage comes with a request to suspend it. Made once per incident: a second report
 * of the same phone finds the request already there.
 */
export async function ensureSuspensionRequest(tx: MutatorTx, incident: Pick<SecurityIncidentRow, 'id' | 'personId' | 'assetId'>, assetType: AssetType): Promise<void> {
  if (!PHONE_TYPES.includes(assetType)) return;
  if (await tx.findBy('phone_suspensions', 'incidentId', incident.id)) return;
  const { now, actorId } = tx.context;
  await tx.insert('phone_suspensions', {
    id: tx.newId(),
    incidentId: incident.id,
    assetId: incident.assetId,
    personId: incident.personId,
    status: 'requested',
    requestedAt: now,
    requestedBy: actorId,
    carrierReference: null,
    suspendedAt: null,
    suspendedBy: null,
    wipeRequestedAt: null,
    wipeRequestedBy: null,
    wipeConfirmedAt: null,
    wipeConfirmedBy: null,
    reinstatedAt: null,
    reinstatedBy: null,
    statusChangedAt: now,
    statusChangedBy: actorId,
  });
  await appendIncidentEvent(tx, incident, 'suspensionRequested', null);
}

export async function loadIncident(tx: MutatorTx, incidentId: string): Promise<SecurityIncidentRow> {
  const incident = await tx.get('security_incidents', incidentId);
  if (!incident) throw new DomainError('not_found', 'That security incident is not on this desktop', { incidentId: 'Choose a security incident' });
  return incident;
}

/** The display name of an account for a refusal, as assertCanApply words it. */
export async function nameOf(tx: MutatorTx, personId: string | null): Promise<string | null> {
  if (personId === null) return null;
  return (await tx.get('people', personId))?.name ?? 'an account not on this desktop';
}
