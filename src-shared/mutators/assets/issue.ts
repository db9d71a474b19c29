import { z } from 'zod';
import { recordId } from '../../domain/fields';
import { CURRENT_AUP_VERSION, trainingLapsed } from '../../domain/policy';
import { DomainError } from '../../result';
import { defineMutator } from '../define';
import { applyAssetCommand, assertCanApply, loadAsset } from './transition';

export const assetIssueArgs = z.strictObject({
  assetId: recordId('asset'),
  personId: recordId('person'),
  /** AUP 1.1: the version the person was shown and confirmed, at the desk, before taking the equipment. */
  aupVersion: z.string({ error: 'Say which AUP version the person confirmed' }).max(20),
  aupConfirmed: z.literal(true, { error: 'The person must confirm they have read and accept the Acceptable Use Policy' }),
  /** AUP 1.8: needed only when the person's annual security training has lapsed. */
  trainingLapseReason: z
    .string({ error: 'The reason must be text' })
    .trim()
    .max(500, { error: 'The reason must be 500 characters or fewer' })
    .nullish()
    .transform((value) => (value === undefined || value === null || value === '' ? null : value)),
});

/**
 * Issues an asset to a person (AUP 1.1, 1.8): only after the person confirms the current AUP version, which is
 * recorded with the issue; to someone whose security training has lapsed only with a stated reason. The asset must be
 * in stock, so it is never issued to two people.
 */
export const assetIssue = defineMutator({
  name: 'asset.issue',
  args: assetIssueArgs,
  async run(tx, args) {
    const asset = await loadAsset(tx, args.assetId);
    await assertCanApply(tx, asset, 'issue');
    const person = await tx.get('people', args.personId);
    if (!person) throw new DomainError('not_found', 'That person is not in the directory', { personId: 'Choose a person from the directory' });
    if (person.status === 'left') {
      throw new DomainError('conflict', `${person.name} has left, so cannot be issued equipment`, {
        personId: `${person.name} has left: choose someone else`,
      });
    }
    if (args.aupVersion !== CURRENT_AUP_VERSION) {
      throw new DomainError('conflict', `The current Acceptable Use Policy is version ${CURRENT_AUP_VERSION}, not ${args.aupVersion}`, {
        aupConfirmed: `${person.name} must confirm the current Acceptable Use Policy (version ${CURRENT_AUP_VERSION})`,
      });
    }
    const { now, actorId } = tx.context;
    const lapsed = trainingLapsed(person.trainingCompletedOn, now);
    if (lapsed && args.trainingLapseReason === null) {
      const when = person.trainingCompletedOn === null ? 'has no record of completing it' : `last completed it on ${person.trainingCompletedOn}`;
      throw new DomainError('conflict', `${person.name}'s annual security training has lapsed: give a reason to issue anyway`, {
        trainingLapseReason: `${person.name}'s annual security training has lapsed (${when}): give a reason to issue anyway`,
      });
    }
    await tx.insert('aup_acknowledgements', {
      id: tx.newId(),
      personId: person.id,
      policyVersion: args.aupVersion,
      acknowledgedAt: now,
      assetId: asset.id,
      recordedBy: actorId,
    });
    const note = lapsed ? `Issued with lapsed security training: ${args.trainingLapseReason ?? ''}` : null;
    await applyAssetCommand(tx, asset, 'issue', { holderId: person.id, note });
  },
});
