import { z } from 'zod';
import { ukDateOf } from '../../domain/calendar-date';
import { optionalText, recordId, requiredText } from '../../domain/fields';
import { applyTripCommand, type TripCommandInput } from '../../domain/travel/trip-decisions';
import { formatDate } from '../../domain/travel/trip-dates';
import type { TripRecord } from '../../domain/travel/trip-record';
import type { TripEvent } from '../../domain/travel/travel-rows';
import { DomainError } from '../../result';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';
import { noticeIfNeeded, tripRequestFieldsAsSent, validRequest } from './request-trip';
import { appendTripEvent, insertRound, loadActor, loadCurrentPolicy, loadTrip, tripColumnsOf } from './trip-store';

/**
 * The trip lifecycle's commands as intent-level mutators: each loads the trip, asks applyTripCommand (the state
 * machine, who may, the step's own rules) and writes the trip after it plus one timeline entry. A refusal writes
 * nothing; on the server it becomes the rejection that syncs back to the desktop that made it.
 */
async function applyCommand(
  tx: MutatorTx,
  tripId: string,
  makeInput: (record: TripRecord) => Promise<TripCommandInput>,
  note: (before: TripRecord, after: TripRecord) => string | null,
): Promise<void> {
  const actor = await loadActor(tx);
  const { row, record } = await loadTrip(tx, tripId);
  const input = await makeInput(record);
  const policy = await loadCurrentPolicy(tx);
  const result = applyTripCommand(record, input, { actor, at: tx.context.now, today: ukDateOf(tx.context.now), policy });
  if (!result.ok) throw new DomainError(result.error.code, result.error.message, { ...result.error.fields });
  const next = result.value;
  const round = input.command === 'resubmit' ? row.round + 1 : row.round;
  await tx.update('trips', row.id, { ...tripColumnsOf(next, tx.context.now), round });
  if (input.command === 'resubmit') {
    await insertRound(tx, next, round);
  } else {
    await recordReturns(tx, row.id, round, record, next);
  }
  const event: TripEvent = input.command === 'resubmit' ? 'resubmitted' : input.command;
  await appendTripEvent(tx, next, event, note(record, next));
  if (input.command === 'resubmit') await noticeIfNeeded(tx, next);
}

/** The device confirmed back by this command (at most one), onto its row of the round in force. */
async function recordReturns(tx: MutatorTx, tripId: string, round: number, before: TripRecord, after: TripRecord): Promise<void> {
  const added = after.returns.filter((item) => !before.returns.some((earlier) => earlier.assetId === item.assetId));
  if (added.length === 0) return;
  const rows = (await tx.listBy('trip_devices', 'tripId', tripId)).filter((device) => device.round === round);
  for (const item of added) {
    const device = rows.find((candidate) => candidate.assetId === item.assetId);
    if (!device) continue;
    await tx.update('trip_devices', device.id, {
      returnedOn: item.returnedOn,
      returnConfirmedBy: item.confirmedBy,
      returnConfirmedAt: item.confirmedAt,
      needsCheck: item.needsCheck ? 'yes' : 'no',
    });
  }
}

const reasonArgs = (what: string) => z.strictObject({ tripId: recordId('trip'), reason: requiredText({ label: `reason ${what}`, max: 1000 }) });
const tripOnly = z.strictObject({ tripId: recordId('trip') });
const reasonNote = (reason: string | null) => () => reason;

export const travelApproveAsManager = defineMutator({
  name: 'travel.approveAsManager',
  args: reasonArgs('for approving'),
  async run(tx, { tripId, reason }) {
    await applyCommand(tx, tripId, () => Promise.resolve({ command: 'approveAsManager', reason }), reasonNote(reason));
  },
});

export const travelApproveAsSecurity = defineMutator({
  name: 'travel.approveAsSecurity',
  args: reasonArgs('for approving'),
  async run(tx, { tripId, reason }) {
    await applyCommand(tx, tripId, () => Promise.resolve({ command: 'approveAsSecurity', reason }), reasonNote(reason));
  },
});

export const travelReject = defineMutator({
  name: 'travel.reject',
  args: reasonArgs('for rejecting'),
  async run(tx, { tripId, reason }) {
    await applyCommand(tx, tripId, () => Promise.resolve({ command: 'reject', reason }), reasonNote(reason));
  },
});

/** The traveller withdraws their own request until they travel; a reason is optional. */
export const travelWithdraw = defineMutator({
  name: 'travel.withdraw',
  args: z.strictObject({ tripId: recordId('trip'), reason: optionalText({ label: 'reason', max: 1000 }) }),
  async run(tx, { tripId, reason }) {
    await applyCommand(tx, tripId, () => Promise.resolve({ command: 'withdraw', reason }), reasonNote(reason));
  },
});

export const travelCancel = defineMutator({
  name: 'travel.cancel',
  args: reasonArgs('for cancelling'),
  async run(tx, { tripId, reason }) {
    await applyCommand(tx, tripId, () => Promise.resolve({ command: 'cancel', reason }), reasonNote(reason));
  },
});

/** After a re-review flag the traveller sends the trip again (changed or not); it is judged afresh under today's policy. */
export const travelResubmit = defineMutator({
  name: 'travel.resubmit',
  args: z.strictObject({ tripId: recordId('trip'), ...tripRequestFieldsAsSent }),
  async run(tx, input) {
    await applyCommand(
      tx,
      input.tripId,
      async (record) => ({ command: 'resubmit', request: await validRequest(tx, input, record.travellerId, record.id) }),
      () => null,
    );
  },
});

export const travelRecordDeparture = defineMutator({
  name: 'travel.recordDeparture',
  args: tripOnly,
  async run(tx, { tripId }) {
    await applyCommand(tx, tripId, () => Promise.resolve({ command: 'recordDeparture' }), () => null);
  },
});

/** A device that went is confirmed back in the UK; the last one back completes the trip. */
export const travelConfirmDeviceReturned = defineMutator({
  name: 'travel.confirmDeviceReturned',
  args: z.strictObject({ tripId: recordId('trip'), assetId: recordId('device'), returnedOn: z.string({ error: 'Enter the date the device came back' }).trim() }),
  async run(tx, { tripId, assetId, returnedOn }) {
    await applyCommand(
      tx,
      tripId,
      () => Promise.resolve({ command: 'confirmDeviceReturned', assetId, returnedOn }),
      (_before, after) => {
        const back = after.returns.find((item) => item.assetId === assetId);
        const tag = after.route.devices.find((device) => device.assetId === assetId)?.assetTag ?? 'The device';
        return `${tag} back on ${formatDate(returnedOn)}${back?.needsCheck === true ? ': check (and re-image if need be) before use' : ''}`;
      },
    );
  },
});

/** For a trip that took no device: nothing to confirm, so the traveller or manager records that it is over. */
export const travelRecordReturn = defineMutator({
  name: 'travel.recordReturn',
  args: tripOnly,
  async run(tx, { tripId }) {
    await applyCommand(tx, tripId, () => Promise.resolve({ command: 'recordReturn' }), () => null);
  },
});
