import { personCreateArgs, type PersonCreateArgs } from '../../domain/person';
import type { Role } from '../../domain/roles';
import { fieldErrors } from '../../validation';
import type { CsvRecord } from '../csv-reader';
import type { IssueLog } from '../issues';
import type { Binding, PersonField } from '../layouts/layout';
import { emailKey, freeTextReference, nameKey, staffKey, staffNumberReference, type PersonReference } from '../reconcile/people-index';
import { parseImportDate } from '../values/dates';
import { parsePersonStatus, parseRoles } from '../values/people';

/** One data row of a people file, read and checked on its own (duplicates and line managers are checked later). */
export interface PersonCandidate {
  readonly row: number;
  /** Keys for duplicate checks and for other rows naming this person as their line manager. */
  readonly staffNumber: string | null;
  readonly email: string | null;
  readonly name: string | null;
  /** person.create arguments with no line manager yet (set once the manager is found), or null when the row has errors. */
  readonly args: PersonCreateArgs | null;
  readonly lineManager: PersonReference | null;
}

const SCHEMA_FIELD_COLUMNS: Readonly<Record<string, PersonField>> = {
  staffNumber: 'staffNumber',
  name: 'name',
  email: 'email',
  roles: 'roles',
  status: 'status',
  trainingCompletedOn: 'trainingCompletedOn',
};

/** Snipe-IT exports either one "Name" or "First Name" and "Last Name". */
function fullName(binding: Binding<PersonField>, fields: readonly string[]): string {
  const name = binding.cell(fields, 'name');
  if (name !== '' || !binding.has('firstName')) return name;
  return `${binding.cell(fields, 'firstName')} ${binding.cell(fields, 'lastName')}`.trim();
}

export function readPersonRow(record: CsvRecord, binding: Binding<PersonField>, log: IssueLog, newId: () => string): PersonCandidate {
  const { row, fields } = record;
  const cell = (field: PersonField) => binding.cell(fields, field);
  const problem = (field: PersonField, message: string) => log.error(row, binding.column(field), message);

  const roles = parseRoles(cell('roles'));
  if (!roles.ok) problem('roles', roles.message);
  const status = parsePersonStatus(cell('status'));
  if (!status.ok) problem('status', status.message);
  const training = parseImportDate(cell('trainingCompletedOn'), { label: 'training completion date' });
  if (!training.ok) problem('trainingCompletedOn', training.message);
  const name = binding.layout.format === 'snipeit' ? fullName(binding, fields) : cell('name');

  const parsed = personCreateArgs.safeParse({
    id: newId(),
    staffNumber: cell('staffNumber'),
    name,
    email: cell('email'),
    lineManagerId: null,
    roles: roles.ok ? roles.value : ([] satisfies Role[]),
    status: status.ok ? status.value : 'active',
    trainingCompletedOn: training.ok ? training.value : null,
  });
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      const field = SCHEMA_FIELD_COLUMNS[path.split('.')[0] ?? ''];
      log.error(row, field === undefined ? '' : binding.column(field), message);
    }
  }
  const manager = cell('lineManager');
  const managerColumn = binding.column('lineManager');
  return {
    row,
    staffNumber: cell('staffNumber') === '' ? null : staffKey(cell('staffNumber')),
    email: cell('email') === '' ? null : emailKey(cell('email')),
    name: name === '' ? null : nameKey(name),
    args: parsed.success && !log.hasErrors(row) ? parsed.data : null,
    lineManager:
      manager === '' ? null : binding.layout.format === 'custodian' ? staffNumberReference(manager, managerColumn) : freeTextReference(manager, managerColumn),
  };
}
