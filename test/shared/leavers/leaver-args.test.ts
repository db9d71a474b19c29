import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { LeaverCommandInput } from '../../../src-shared/domain/leavers/command-context';
import {
  cancelCaseArgs,
  changeLeavingDateArgs,
  completeStepArgs,
  LEAVER_MUTATOR_ARGS,
  markMissingArgs,
  markStepNotApplicableArgs,
  openCaseArgs,
  recordReturnArgs,
  recordTransferArgs,
  signOffArgs,
  writeOffArgs,
} from '../../../src-shared/domain/leavers/leaver-args';
import { LEAVER_MUTATOR_NAMES } from '../../../src-shared/domain/leavers/leaver-mutators';
import { fieldErrors } from '../../../src-shared/validation';
import { CASE_ID, DESK, LAPTOP, LEAVER, SMARTCARD, SUCCESSOR } from './fixtures';

function problems(schema: z.ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe('leaver mutator arguments', () => {
  it('exist for every leaver mutator', () => {
    expect(Object.keys(LEAVER_MUTATOR_ARGS)).toEqual([...LEAVER_MUTATOR_NAMES]);
  });

  it('open a case with a client-made id, a person and a real leaving date', () => {
    expect(openCaseArgs.parse({ id: CASE_ID, personId: LEAVER.personId, leavingDate: ' 2026-03-13 ' })).toEqual({ id: CASE_ID, personId: LEAVER.personId, leavingDate: '2026-03-13' });
    expect(problems(openCaseArgs, { id: CASE_ID, personId: LEAVER.personId, leavingDate: '2026-13-01' })).toEqual({
      leavingDate: 'The leaving date must be a real date, for example 2026-03-27',
    });
    expect(problems(openCaseArgs, {})).toEqual({ id: 'The leaver case id must be a UUID', personId: 'The person id must be a UUID', leavingDate: 'Enter the leaving date' });
  });

  it('record a return with a condition from the list and who received it; a note is optional', () => {
    const args = recordReturnArgs.parse({ caseId: CASE_ID, assetId: LAPTOP.assetId, condition: 'good', receivedById: DESK.personId });
    expect(args).toEqual({ caseId: CASE_ID, assetId: LAPTOP.assetId, condition: 'good', conditionNote: null, receivedById: DESK.personId });
    // What a mutator hands to the decision: the arguments (the case id is ignored), typed as the command's input.
    const input: LeaverCommandInput = { command: 'recordReturn', ...args };
    expect(input).toMatchObject({ command: 'recordReturn', condition: 'good', receivedById: DESK.personId });
    expect(problems(recordReturnArgs, { caseId: CASE_ID, assetId: LAPTOP.assetId, condition: 'scratched', receivedById: 'desk' })).toEqual({
      condition: 'Choose the condition it came back in',
      receivedById: 'The receiver id must be a UUID',
    });
  });

  it('mark missing with an optional value in whole, positive pence', () => {
    expect(markMissingArgs.parse({ caseId: CASE_ID, assetId: LAPTOP.assetId })).toEqual({ caseId: CASE_ID, assetId: LAPTOP.assetId, statedValuePence: null, note: null });
    const base = { caseId: CASE_ID, assetId: LAPTOP.assetId };
    expect(problems(markMissingArgs, { ...base, statedValuePence: 0 })).toEqual({ statedValuePence: 'The value to recover must be more than £0.00: to recover nothing, write the item off' });
    expect(problems(markMissingArgs, { ...base, statedValuePence: 10.5 })).toEqual({ statedValuePence: 'The value to recover must be a whole number of pence' });
    expect(problems(markMissingArgs, { ...base, statedValuePence: '12.50' })).toEqual({ statedValuePence: 'The value to recover must be a number of pence' });
    expect(problems(markMissingArgs, { ...base, statedValuePence: 100_000_001 })).toEqual({ statedValuePence: 'The value to recover must be £1,000,000 or less' });
  });

  it('need a reason wherever a decision needs one', () => {
    expect(problems(writeOffArgs, { caseId: CASE_ID, assetId: LAPTOP.assetId, reason: '  ' })).toEqual({ reason: 'Enter the reason for the write-off' });
    expect(problems(cancelCaseArgs, { caseId: CASE_ID })).toEqual({ reason: 'Enter the reason the person is no longer leaving' });
    expect(problems(changeLeavingDateArgs, { caseId: CASE_ID, leavingDate: '2026-03-20', reason: '' })).toEqual({ reason: 'Enter the reason for the change' });
    expect(problems(markStepNotApplicableArgs, { caseId: CASE_ID, step: 'building_pass', reason: 'x'.repeat(2001) })).toEqual({
      reason: 'Reason it does not apply must be 2000 characters or fewer',
    });
  });

  it('name a step from the list, and the card for a cancel step', () => {
    expect(completeStepArgs.parse({ caseId: CASE_ID, step: 'cancel_credential', assetId: SMARTCARD.assetId })).toEqual({
      caseId: CASE_ID,
      step: 'cancel_credential',
      assetId: SMARTCARD.assetId,
      note: null,
    });
    expect(completeStepArgs.parse({ caseId: CASE_ID, step: 'building_pass' }).assetId).toBeNull();
    expect(problems(completeStepArgs, { caseId: CASE_ID, step: 'shred_everything' })).toEqual({ step: 'Choose a step from the checklist' });
  });

  it('refuse fields they do not know', () => {
    expect(problems(signOffArgs, { caseId: CASE_ID, force: true })).toEqual({ force: 'force is not a recognised field' });
    expect(problems(recordTransferArgs, { caseId: CASE_ID, assetId: LAPTOP.assetId, successorId: SUCCESSOR.personId, viaStock: false })).toEqual({
      viaStock: 'viaStock is not a recognised field',
    });
  });
});
