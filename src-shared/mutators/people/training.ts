import { z } from 'zod';
import { isCalendarDate, dateOf } from '../../domain/calendar-date';
import { recordId } from '../../domain/fields';
import { CURRENT_AUP_VERSION } from '../../domain/policy';
import { DomainError } from '../../result';
import { defineMutator } from '../define';

/** AUP 1.8: records the date a person completed the annual security e-learning. */
export const personRecordTraining = defineMutator({
  name: 'person.recordTraining',
  args: z.strictObject({
    personId: recordId('person'),
    completedOn: z
      .string({ error: 'Enter the date the training was completed' })
      .refine(isCalendarDate, { error: 'Enter a real date, for example 2026-03-27' }),
  }),
  async run(tx, { personId, completedOn }) {
    const person = await tx.get('people', personId);
    if (!person) throw new DomainError('not_found', 'That person is not in the directory', { personId: 'Choose a person from the directory' });
    if (completedOn > dateOf(tx.context.now)) {
      throw new DomainError('invalid_input', 'The completion date cannot be in the future', { completedOn: 'The completion date cannot be in the future' });
    }
    await tx.update('people', personId, { trainingCompletedOn: completedOn, updatedAt: tx.context.now });
  },
});

/** AUP 1.1: a person confirms the current AUP outside an issue (for example after a new version is published). */
export const personAcknowledgeAup = defineMutator({
  name: 'person.acknowledgeAup',
  args: z.strictObject({
    personId: recordId('person'),
    policyVersion: z.string({ error: 'Say which AUP version was confirmed' }).max(20),
    confirmed: z.literal(true, { error: 'The person must confirm they have read and accept the Acceptable Use Policy' }),
  }),
  async run(tx, { personId, policyVersion }) {
    const person = await tx.get('people', personId);
    if (!person) throw new DomainError('not_found', 'That person is not in the directory', { personId: 'Choose a person from the directory' });
    if (policyVersion !== CURRENT_AUP_VERSION) {
      throw new DomainError('conflict', `The current Acceptable Use Policy is version ${CURRENT_AUP_VERSION}, not ${policyVersion}`, {
        confirmed: `Confirm the current Acceptable Use Policy (version ${CURRENT_AUP_VERSION})`,
      });
    }
    const { now, actorId } = tx.context;
    await tx.insert('aup_acknowledgements', { id: tx.newId(), personId, policyVersion, acknowledgedAt: now, assetId: null, recordedBy: actorId });
  },
});
