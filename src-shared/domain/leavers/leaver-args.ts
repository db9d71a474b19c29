import { z } from 'zod';
import { isCalendarDate } from '../calendar-date';
import { optionalText, recordId, requiredText } from '../fields';
import { penceToPounds } from '../money';
import { MAX_RECOVERY_PENCE } from './asset-resolution';
import { RETURN_CONDITION_VALUES } from './checklist-item';
import { EXIT_STEP_VALUES } from './exit-steps';
import type { LeaverMutatorName } from './leaver-mutators';

/**
 * The mutators' arguments (next increment), with GOV.UK-style messages per field. They check shape only: the rules that
 * need the case or the store are the decisions'. Each is the command's input plus the case id, so a mutator passes
 * `{ command, ...rest }` to applyLeaverCommand. Money is whole pence (forms convert pounds with poundsToPence first).
 */

function leavingDate() {
  const realDate = 'The leaving date must be a real date, for example 2026-03-27';
  return z
    .string({ error: 'Enter the leaving date' })
    .trim()
    .min(1, { error: 'Enter the leaving date' })
    .max(10, { error: realDate })
    .refine(isCalendarDate, { error: realDate });
}

const caseId = recordId('leaver case');
const assetId = recordId('asset');
const reason = (label: string) => requiredText({ label, max: 2000 });
const note = (label: string) => optionalText({ label, max: 2000 });

export const openCaseArgs = z.strictObject({
  /** The client-made id, so the server's run makes the same case. */
  id: recordId('leaver case'),
  personId: recordId('person'),
  leavingDate: leavingDate(),
});

export type OpenCaseArgs = z.output<typeof openCaseArgs>;

export const changeLeavingDateArgs = z.strictObject({ caseId, leavingDate: leavingDate(), reason: reason('reason for the change') });

export const recordReturnArgs = z.strictObject({
  caseId,
  assetId,
  condition: z.enum(RETURN_CONDITION_VALUES, { error: 'Choose the condition it came back in' }),
  conditionNote: note('description of its condition'),
  receivedById: recordId('receiver'),
});

export const recordTransferArgs = z.strictObject({ caseId, assetId, successorId: recordId('successor') });

export const markMissingArgs = z.strictObject({
  caseId,
  assetId,
  /** Omitted or null: the register's purchase value. */
  statedValuePence: z
    .number({ error: 'The value to recover must be a number of pence' })
    .int({ error: 'The value to recover must be a whole number of pence' })
    .min(1, { error: 'The value to recover must be more than £0.00: to recover nothing, write the item off' })
    .max(MAX_RECOVERY_PENCE, { error: `The value to recover must be ${penceToPounds(MAX_RECOVERY_PENCE).replace(/\.00$/, '')} or less` })
    .nullish()
    .transform((value) => value ?? null),
  note: note('note'),
});

export const writeOffArgs = z.strictObject({ caseId, assetId, reason: reason('reason for the write-off') });

const step = z.enum(EXIT_STEP_VALUES, { error: 'Choose a step from the checklist' });
const stepAssetId = z
  .union([z.null(), recordId('smartcard or token')])
  .optional()
  .transform((value) => value ?? null);

export const completeStepArgs = z.strictObject({ caseId, step, assetId: stepAssetId, note: note('note') });

export const markStepNotApplicableArgs = z.strictObject({ caseId, step, assetId: stepAssetId, reason: reason('reason it does not apply') });

export const signOffArgs = z.strictObject({ caseId });

export const cancelCaseArgs = z.strictObject({ caseId, reason: reason('reason the person is no longer leaving') });

/** Every leaver mutator's arguments, by name: a new mutator is a compile error here until its arguments are written. */
export const LEAVER_MUTATOR_ARGS = {
  'leaver.openCase': openCaseArgs,
  'leaver.changeLeavingDate': changeLeavingDateArgs,
  'leaver.recordReturn': recordReturnArgs,
  'leaver.recordTransfer': recordTransferArgs,
  'leaver.markMissing': markMissingArgs,
  'leaver.writeOff': writeOffArgs,
  'leaver.completeStep': completeStepArgs,
  'leaver.markStepNotApplicable': markStepNotApplicableArgs,
  'leaver.signOff': signOffArgs,
  'leaver.cancelCase': cancelCaseArgs,
} as const satisfies Record<LeaverMutatorName, z.ZodType>;
