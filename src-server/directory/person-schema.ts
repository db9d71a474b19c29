import { z } from 'zod';
import { personFields } from '../../src-shared/domain/person';
import { PERSON_STATUS_VALUES, ROLE_VALUES } from '../../src-shared/domain/roles';
import { calendarDate, enumFilter, idParam, isoTimestamp, pageQuery } from '../http/schemas/common';

/** A person in the directory, as the API returns them (PersonRow from src-shared). */
export const personSchema = z
  .strictObject({
    id: z.uuid(),
    staffNumber: z.string(),
    name: z.string(),
    email: z.string(),
    lineManagerId: z.uuid().nullable(),
    roles: z.array(z.enum(ROLE_VALUES)),
    status: z.enum(PERSON_STATUS_VALUES),
    trainingCompletedOn: calendarDate.nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'Person', description: 'A person in the directory. Everyone holds the staff role; other roles add to it.' });

export type PersonView = z.output<typeof personSchema>;

export const personListQuery = z.strictObject({
  status: enumFilter('status', PERSON_STATUS_VALUES),
  role: enumFilter('role', ROLE_VALUES),
  lineManagerId: idParam('line manager').optional(),
  email: personFields.email.optional(),
  staffNumber: personFields.staffNumber.optional(),
  ...pageQuery,
});

export type PersonFilters = z.output<typeof personListQuery>;

export const personIdParams = z.strictObject({ personId: idParam('person') });
