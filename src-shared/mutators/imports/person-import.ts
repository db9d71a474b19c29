import { personCreateArgs } from '../../domain/person';
import { defineMutator } from '../define';
import { createPerson } from '../people/create';
import { createEach, importBatchArgs } from './import-batch';

/**
 * A batch of imported directory rows, each exactly a person.create, as one mutation. Rows come in the order the import
 * planned (line managers before their reports), so each row's manager is already in the store or earlier in the batch.
 */
export const personImport = defineMutator({
  name: 'person.import',
  args: importBatchArgs(personCreateArgs),
  run: (tx, { rows }) => createEach(rows, (row) => `staff number ${row.staffNumber}`, (row) => createPerson(tx, row)),
});
