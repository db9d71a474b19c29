import { ASSET_TYPES } from '../asset';
import { PERSON_STATUSES } from '../roles';
import { penceToPounds } from '../money';
import { err, ok, type Result } from '../../result';
import { cleanText, invalidFields, itemStamp, outcome, withItem } from './case-update';
import type { AssetItem, AssetResolution, PersonRef, ReturnCondition } from './checklist-item';
import { describeItem, latestAssetItem } from './checklist-item';
import type { LeaverCommandContext, PersonFacts } from './command-context';
import { isCredential } from './exit-steps';
import { canApplyToItem, itemRefusalMessage, ITEM_TRANSITIONS, type ItemCommand } from './item-lifecycle';
import type { LeaverOutcome } from './leaver-effects';
import type { LeaverCase } from './leaver-case';

/**
 * The rules for resolving an equipment item: returned, transferred to a successor, missing (cost recovery) or written
 * off. Each finds the asset's item on this case (refusing an asset that belongs to another case), checks the item's
 * state against the item lifecycle, then the command's own rules, and says what the register must do (LeaverEffect).
 */

/** The most the department recovers for one item, as for any value in the register (fields.ts): £1,000,000. */
export const MAX_RECOVERY_PENCE = 100_000_000;

type AssetCommand = Extract<ItemCommand, 'recordReturn' | 'recordTransfer' | 'markMissing' | 'writeOff'>;

/** The asset's item on this case in a state `command` may act on, or the refusal: wrong case first, then its state. */
export function findAssetItem(leaverCase: LeaverCase, assetId: string, command: AssetCommand, context: LeaverCommandContext): Result<AssetItem> {
  const item = latestAssetItem(leaverCase.items, assetId);
  if (item === undefined) return wrongCase(leaverCase, assetId, context);
  if (!canApplyToItem(command, item.state)) {
    return err('conflict', itemRefusalMessage(command, { item: describeItem(item), state: item.state, setByName: item.stateSetByName, setAt: item.stateSetAt }));
  }
  return ok(item);
}

/** "Returning an asset to the wrong case": say whose it is when the register knows, so the person can find the right case. */
function wrongCase(leaverCase: LeaverCase, assetId: string, context: LeaverCommandContext): Result<never> {
  const known = context.assets.get(assetId);
  const whose = `${leaverCase.personName}'s checklist`;
  if (known === undefined) {
    return err('invalid_input', `That asset is not on ${whose}`, { assetId: `Choose one of the equipment items on ${whose}` });
  }
  const holder = known.holderName ?? 'someone else';
  const where =
    known.holderId === null
      ? 'it is not issued to anyone'
      : known.holderId === leaverCase.personId
        ? `it is issued to ${leaverCase.personName}, but was not on the checklist: ask the IT service desk to check the register`
        : `it is held by ${holder}: record it on their leaver case if they are leaving, or return it at the IT service desk`;
  return err('invalid_input', `${known.assetTag} is not on ${whose}`, { assetId: `${known.assetTag} is not on ${whose}: ${where}` });
}

function resolved(leaverCase: LeaverCase, item: AssetItem, command: AssetCommand, resolution: AssetResolution, context: LeaverCommandContext): LeaverCase {
  return withItem(leaverCase, { ...item, state: ITEM_TRANSITIONS[command].to, resolution, ...itemStamp(context.actor, context.at) });
}

/** The person as they take part (receiving or succeeding), or why they cannot. */
function takingPart(person: PersonFacts | undefined, leaverCase: LeaverCase, role: 'receiver' | 'successor'): { ok: true; person: PersonRef } | { ok: false; problem: string } {
  const refuse = (problem: string) => ({ ok: false as const, problem });
  if (person === undefined) return refuse(role === 'receiver' ? 'Choose the person who received it from the directory' : 'Choose the successor from the directory');
  if (person.personId === leaverCase.personId) {
    return refuse(
      role === 'receiver'
        ? `Choose who received it from ${leaverCase.personName}: the leaver cannot receive their own equipment`
        : `Choose someone other than ${leaverCase.personName}: the successor takes the equipment over from them`,
    );
  }
  if (role === 'receiver' && person.status === 'left') return refuse(`${person.name} has left: choose who received it`);
  // The successor must be staying: equipment handed to someone who is leaving (or has left) would only need recovering again.
  if (role === 'successor' && person.status !== 'active') {
    return refuse(`${person.name} is not active (status ${PERSON_STATUSES[person.status]}): choose a successor who is staying, or record a return`);
  }
  return { ok: true, person: { personId: person.personId, name: person.name } };
}

export function recordReturn(
  leaverCase: LeaverCase,
  input: { readonly assetId: string; readonly condition: ReturnCondition; readonly conditionNote: string | null; readonly receivedById: string },
  context: LeaverCommandContext,
): Result<LeaverOutcome> {
  const found = findAssetItem(leaverCase, input.assetId, 'recordReturn', context);
  if (!found.ok) return found;
  const item = found.value;
  const note = cleanText(input.conditionNote);
  const fields: Record<string, string> = {};
  // The desk needs to know what to check before the kit is reissued or sent for repair.
  if (input.condition !== 'good' && note === null) fields['conditionNote'] = `Describe what is wrong with ${item.assetTag}`;
  const receiver = takingPart(context.people.get(input.receivedById), leaverCase, 'receiver');
  if (!receiver.ok) fields['receivedById'] = receiver.problem;
  if (!receiver.ok || Object.keys(fields).length > 0) return invalidFields('The return', fields);
  const resolution: AssetResolution = { kind: 'returned', condition: input.condition, conditionNote: note, receivedBy: receiver.person };
  return outcome(resolved(leaverCase, item, 'recordReturn', resolution, context), [
    { kind: 'returnAsset', assetId: item.assetId, condition: input.condition, wasMissing: item.state === 'missing' },
  ]);
}

export function recordTransfer(leaverCase: LeaverCase, input: { readonly assetId: string; readonly successorId: string }, context: LeaverCommandContext): Result<LeaverOutcome> {
  const found = findAssetItem(leaverCase, input.assetId, 'recordTransfer', context);
  if (!found.ok) return found;
  const item = found.value;
  if (isCredential(item.assetType)) {
    const kind = ASSET_TYPES[item.assetType].toLowerCase();
    return err('invalid_input', `${item.assetTag} is a ${kind}, tied to ${leaverCase.personName}'s identity: it cannot pass to a successor`, {
      assetId: `${item.assetTag} is a ${kind} and cannot pass to a successor: record its return or mark it missing. The successor is issued their own`,
    });
  }
  const successor = takingPart(context.people.get(input.successorId), leaverCase, 'successor');
  if (!successor.ok) return invalidFields('The transfer', { successorId: successor.problem });
  const resolution: AssetResolution = { kind: 'transferred', successor: successor.person };
  return outcome(resolved(leaverCase, item, 'recordTransfer', resolution, context), [
    { kind: 'reassignAsset', assetId: item.assetId, fromPersonId: leaverCase.personId, toPersonId: successor.person.personId, wasMissing: item.state === 'missing' },
  ]);
}

function validPence(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= MAX_RECOVERY_PENCE;
}

/**
 * AUP 8.4: unreturned equipment leads to cost recovery, for the asset's value as the register has it, or a value the
 * manager states (replacement cost, or the register has none). A value of nothing is not a recovery: that is a write-off.
 */
export function markMissing(
  leaverCase: LeaverCase,
  input: { readonly assetId: string; readonly statedValuePence: number | null; readonly note: string | null },
  context: LeaverCommandContext,
): Result<LeaverOutcome> {
  const found = findAssetItem(leaverCase, input.assetId, 'markMissing', context);
  if (!found.ok) return found;
  const item = found.value;
  const limit = penceToPounds(MAX_RECOVERY_PENCE);
  let value: { pence: number; source: 'register' | 'stated' };
  if (input.statedValuePence !== null) {
    if (!validPence(input.statedValuePence)) {
      return invalidFields('The cost recovery', { statedValuePence: `Enter the value to recover in pounds and pence: more than £0.00 and no more than ${limit}` });
    }
    value = { pence: input.statedValuePence, source: 'stated' };
  } else if (item.valuePence !== null && validPence(item.valuePence)) {
    value = { pence: item.valuePence, source: 'register' };
  } else {
    const why = item.valuePence === null ? 'has no purchase value in the register' : 'has no purchase value above £0.00 in the register';
    return invalidFields('The cost recovery', { statedValuePence: `Enter the value to recover: ${item.assetTag} ${why}` });
  }
  const resolution: AssetResolution = { kind: 'missing', valuePence: value.pence, valueSource: value.source, note: cleanText(input.note) };
  return outcome(resolved(leaverCase, item, 'markMissing', resolution, context), [{ kind: 'reportMissingAsset', assetId: item.assetId, valuePence: value.pence }]);
}

/** No cost recovery: the department absorbs the loss, so the reason goes on the record. */
export function writeOff(leaverCase: LeaverCase, input: { readonly assetId: string; readonly reason: string }, context: LeaverCommandContext): Result<LeaverOutcome> {
  const found = findAssetItem(leaverCase, input.assetId, 'writeOff', context);
  if (!found.ok) return found;
  const item = found.value;
  const reason = cleanText(input.reason);
  if (reason === null) return invalidFields('The write-off', { reason: `Enter why ${item.assetTag} is written off rather than recovered` });
  return outcome(resolved(leaverCase, item, 'writeOff', { kind: 'written_off', reason }, context), [
    { kind: 'writeOffAsset', assetId: item.assetId, reason, wasMissing: item.state === 'missing' },
  ]);
}
