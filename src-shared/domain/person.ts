import { z } from 'zod';
import { emailAddress, identifierCode, optionalCalendarDate, optionalRecordId, recordId, requiredText } from './fields';
import { PERSON_STATUS_VALUES, ROLE_VALUES, type PersonStatus, type Role } from './roles';

const roles = z
  .array(z.enum(ROLE_VALUES, { error: 'Choose roles from the list' }), { error: 'Choose at least one role' })
  .max(ROLE_VALUES.length, { error: 'Choose each role at most once' })
  .transform((chosen) => [...new Set<Role>(['staff', ...chosen])].sort((a, b) => ROLE_VALUES.indexOf(a) - ROLE_VALUES.indexOf(b)));

export const personFields = {
  staffNumber: identifierCode({ label: 'staff number', max: 20 }),
  name: requiredText({ label: 'full name', max: 120 }),
  email: emailAddress(),
  lineManagerId: optionalRecordId('line manager'),
  /** Everyone is staff; other roles add to it. Omitted means staff only. */
  roles: roles.optional().transform((value) => value ?? (['staff'] as Role[])),
  status: z.enum(PERSON_STATUS_VALUES, { error: 'Choose active, leaving or left' }).optional().transform((value) => value ?? 'active'),
  /** AUP 1.8: the date the annual security e-learning was last completed. */
  trainingCompletedOn: optionalCalendarDate('security training completion date'),
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
  readonly roles: readonly Role[];
  readonly status: PersonStatus;
  readonly trainingCompletedOn: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One confirmation of an AUP version by a person (AUP 1.1); recorded with the issue that asked for it. */
export interface AupAcknowledgementRow {
  readonly id: string;
  readonly personId: string;
  readonly policyVersion: string;
  readonly acknowledgedAt: string;
  /** The issue this confirmation was given for, if any. */
  readonly assetId: string | null;
  readonly recordedBy: string | null;
}
