import { personCreateArgs, type PersonCreateArgs } from '../../domain/person';
import { DomainError } from '../../result';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';

/** Adds one person to the directory. Shared by person.create and person.import. */
export async function createPerson(tx: MutatorTx, args: PersonCreateArgs): Promise<void> {
  const staffClash = await tx.findBy('people', 'staffNumber', args.staffNumber);
  if (staffClash) {
    throw new DomainError('conflict', `Staff number ${args.staffNumber} already belongs to ${staffClash.name}`, {
      staffNumber: `Staff number ${args.staffNumber} already belongs to ${staffClash.name}`,
    });
  }
  const emailClash = await tx.findBy('people', 'email', args.email);
  if (emailClash) {
    throw new DomainError('conflict', `Email address ${args.email} already belongs to ${emailClash.name}`, {
      email: `Email address ${args.email} already belongs to ${emailClash.name}`,
    });
  }
  if (args.lineManagerId !== null && !(await tx.get('people', args.lineManagerId))) {
    throw new DomainError('not_found', 'The chosen line manager is not in the directory', {
      lineManagerId: 'Choose a line manager from the directory',
    });
  }
  const { now } = tx.context;
  await tx.insert('people', { ...args, createdAt: now, updatedAt: now });
}

export const personCreate = defineMutator({
  name: 'person.create',
  args: personCreateArgs,
  run: createPerson,
});
