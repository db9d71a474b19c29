import { personCreateArgs } from '../../domain/person';
import { DomainError } from '../../result';
import { defineMutator } from '../define';

export const personCreate = defineMutator({
  name: 'person.create',
  args: personCreateArgs,
  async run(tx, args) {
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
  },
});
