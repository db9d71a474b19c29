import { z } from 'zod';
import { recordId } from '../../domain/fields';
import { DomainError } from '../../result';
import { defineMutator } from '../define';

export const personChangeLineManagerArgs = z.strictObject({
  personId: recordId('person'),
  /** The new line manager; null (or '' from an unselected <select>) for none. Required, so "none" is never a default. */
  lineManagerId: z
    .union([z.literal(''), z.null(), z.uuid({ error: 'Choose a valid line manager' })], { error: 'Choose a line manager, or none' })
    .transform((value) => (value === '' ? null : value)),
});

/**
 * Moves a person to another line manager (or to none). Refuses people not in the directory and any move that would
 * make a loop in the hierarchy (someone managing themself, or their own manager's manager). Who may see whom follows
 * the hierarchy (visibility.ts), so on the next sync the old manager's desktop loses the person and their records, and
 * the new manager's gains them.
 */
export const personChangeLineManager = defineMutator({
  name: 'person.changeLineManager',
  args: personChangeLineManagerArgs,
  async run(tx, { personId, lineManagerId }) {
    const person = await tx.get('people', personId);
    if (!person) throw new DomainError('not_found', 'That person is not in the directory', { personId: 'Choose a person from the directory' });
    if (lineManagerId !== null) {
      if (lineManagerId === person.id) {
        throw new DomainError('conflict', `${person.name} cannot be their own line manager`, { lineManagerId: `Choose someone other than ${person.name}` });
      }
      const manager = await tx.get('people', lineManagerId);
      if (!manager) {
        throw new DomainError('not_found', 'The chosen line manager is not in the directory', { lineManagerId: 'Choose a line manager from the directory' });
      }
      // Walk up from the new manager: meeting the person means they would end up managing themself.
      const seen = new Set<string>([manager.id]);
      let above = manager.lineManagerId;
      while (above !== null && !seen.has(above)) {
        if (above === person.id) {
          const message = `${manager.name} reports to ${person.name}, so cannot be their line manager`;
          throw new DomainError('conflict', message, { lineManagerId: message });
        }
        seen.add(above);
        above = (await tx.get('people', above))?.lineManagerId ?? null;
      }
    }
    if (person.lineManagerId === lineManagerId) return;
    await tx.update('people', person.id, { lineManagerId, updatedAt: tx.context.now });
  },
});
