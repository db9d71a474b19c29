import { z } from 'zod';
import { emailAddress, identifierCode, optionalRecordId, recordId, requiredText } from './fields';

export const personFields = {
  staffNumber: identifierCode({ label: 'staff number', max: 20 }),
  name: requiredText({ label: 'full name', max: 120 }),
  email: emailAddress(),
  lineManagerId: optionalRecordId('line manager'),
};

/** What a person fills in on the "Add a person" form. */
export const personFormSchema = z.strictObject(personFields);

export const personCreateArgs = z.strictObject({ id: recordId('person'), ...personFields });

export type PersonCreateArgs = z.output<typeof personCreateArgs>;

export interface PersonRow {
  readonly id: string;
  readonly staffNumber: string;
  readonly name: string;
  readonly email: string;
  readonly lineManagerId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
