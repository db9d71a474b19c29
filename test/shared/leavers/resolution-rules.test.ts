import { describe, expect, it } from 'vitest';
import { ASSET_TYPES, type AssetType } from '../../../src-shared/domain/asset';
import { applyLeaverCommand } from '../../../src-shared/domain/leavers/case-decisions';
import type { LeaverActor } from '../../../src-shared/domain/leavers/case-parties';
import { itemKey } from '../../../src-shared/domain/leavers/checklist-item';
import type { LeaverCommandInput } from '../../../src-shared/domain/leavers/command-context';
import type { LeaverOutcome } from '../../../src-shared/domain/leavers/leaver-effects';
import type { LeaverCase } from '../../../src-shared/domain/leavers/leaver-case';
import type { Result } from '../../../src-shared/result';
import {
  accepted,
  ADMIN,
  ASSETS,
  COLLEAGUE,
  COLLEAGUES_LAPTOP,
  context,
  DESK,
  HEADSET,
  LAPTOP,
  LEAVER,
  LEAVING_COLLEAGUE,
  LEFT_COLLEAGUE,
  MANAGER,
  newCase,
  NOW,
  OTHER_MANAGER,
  PHONE,
  refusal,
  SENIOR,
  SMARTCARD,
  STOCK_LAPTOP,
  SUCCESSOR,
  uuid,
  withItemIn,
} from './fixtures';

function run(input: LeaverCommandInput, who: LeaverActor = MANAGER, leaverCase: LeaverCase = newCase()): Result<LeaverOutcome> {
  return applyLeaverCommand(leaverCase, input, context(who));
}

function itemOf(leaverCase: LeaverCase, key: string) {
  return leaverCase.items.find((item) => itemKey(item) === key);
}

const returnLaptop = (changes: Partial<Extract<LeaverCommandInput, { command: 'recordReturn' }>> = {}): LeaverCommandInput => ({
  command: 'recordReturn',
  assetId: LAPTOP.assetId,
  condition: 'good',
  conditionNote: null,
  receivedById: DESK.personId,
  ...changes,
});

describe('returned: condition and who received it', () => {
  it('records the condition and the receiver, and has the register take the asset back', () => {
    const { leaverCase, effects } = accepted(run(returnLaptop(), DESK));
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)).toMatchObject({
      state: 'returned',
      resolution: { kind: 'returned', condition: 'good', conditionNote: null, receivedBy: { personId: DESK.personId, name: 'Des Desk' } },
      stateSetBy: DESK.personId,
      stateSetAt: NOW,
    });
    expect(effects).toEqual([{ kind: 'returnAsset', assetId: LAPTOP.assetId, condition: 'good', wasMissing: false }]);
  });

  it('may be received by someone other than whoever records it', () => {
    const { leaverCase } = accepted(run(returnLaptop({ receivedById: COLLEAGUE.personId }), MANAGER));
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)?.resolution).toMatchObject({ receivedBy: { name: 'Cal Colleague' } });
  });

  it('needs a description unless it came back in good working order', () => {
    for (const condition of ['damaged', 'faulty', 'incomplete'] as const) {
      expect(refusal(run(returnLaptop({ condition, conditionNote: '  ' }))).fields).toEqual({ conditionNote: 'Describe what is wrong with LT-0001' });
    }
    const { leaverCase } = accepted(run(returnLaptop({ condition: 'damaged', conditionNote: '  Cracked screen ' })));
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)?.resolution).toMatchObject({ condition: 'damaged', conditionNote: 'Cracked screen' });
  });

  it('is received by someone in the directory, other than the leaver, who has not left; all problems at once', () => {
    expect(refusal(run(returnLaptop({ receivedById: uuid(999) }))).fields).toEqual({ receivedById: 'Choose the person who received it from the directory' });
    expect(refusal(run(returnLaptop({ receivedById: LEAVER.personId }))).fields).toEqual({
      receivedById: 'Choose who received it from Lee Leaver: the leaver cannot receive their own equipment',
    });
    expect(refusal(run(returnLaptop({ receivedById: LEFT_COLLEAGUE.personId }))).fields).toEqual({ receivedById: 'Lou Left has left: choose who received it' });
    expect(refusal(run(returnLaptop({ condition: 'faulty', receivedById: LEAVER.personId })))).toEqual({
      code: 'invalid_input',
      message:
        'The return has 2 problems: conditionNote: Describe what is wrong with LT-0001; receivedById: Choose who received it from Lee Leaver: the leaver cannot receive their own equipment',
      fields: {
        conditionNote: 'Describe what is wrong with LT-0001',
        receivedById: 'Choose who received it from Lee Leaver: the leaver cannot receive their own equipment',
      },
    });
  });

  it('of an item marked missing recovers it, and drops it from cost recovery', () => {
    const missing = withItemIn(newCase(), `asset:${LAPTOP.assetId}`, 'missing');
    const { leaverCase, effects } = accepted(run(returnLaptop(), MANAGER, missing));
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)?.resolution?.kind).toBe('returned');
    expect(effects).toEqual([{ kind: 'returnAsset', assetId: LAPTOP.assetId, condition: 'good', wasMissing: true }]);
  });
});

describe('returning an asset to the wrong case', () => {
  it('names who holds it, when the register knows', () => {
    expect(refusal(run(returnLaptop({ assetId: COLLEAGUES_LAPTOP.assetId }), DESK))).toEqual({
      code: 'invalid_input',
      message: "LT-0999 is not on Lee Leaver's checklist",
      fields: {
        assetId: "LT-0999 is not on Lee Leaver's checklist: it is held by Cal Colleague: record it on their leaver case if they are leaving, or return it at the IT service desk",
      },
    });
    expect(refusal(run(returnLaptop({ assetId: STOCK_LAPTOP.assetId }), DESK)).fields).toEqual({
      assetId: "LT-0500 is not on Lee Leaver's checklist: it is not issued to anyone",
    });
  });

  it('says so plainly for an asset the register does not know', () => {
    expect(refusal(run(returnLaptop({ assetId: uuid(998) }), DESK))).toEqual({
      code: 'invalid_input',
      message: "That asset is not on Lee Leaver's checklist",
      fields: { assetId: "Choose one of the equipment items on Lee Leaver's checklist" },
    });
  });

  it('points at the register when the leaver holds it but it never reached the checklist', () => {
    expect(refusal(run(returnLaptop({ assetId: HEADSET.assetId }), DESK)).fields['assetId']).toBe(
      "HS-0001 is not on Lee Leaver's checklist: it is issued to Lee Leaver, but was not on the checklist: ask the IT service desk to check the register",
    );
  });

  it('applies to every equipment command', () => {
    const elsewhere = COLLEAGUES_LAPTOP.assetId;
    for (const input of [
      { command: 'recordTransfer', assetId: elsewhere, successorId: SUCCESSOR.personId },
      { command: 'markMissing', assetId: elsewhere, statedValuePence: null, note: null },
      { command: 'writeOff', assetId: elsewhere, reason: 'Old' },
    ] as const) {
      expect(refusal(run(input)).fields['assetId'], input.command).toMatch(/^LT-0999 is not on Lee Leaver's checklist/);
    }
  });
});

describe('transferred to a successor', () => {
  const transfer = (assetId: string, successorId: string): LeaverCommandInput => ({ command: 'recordTransfer', assetId, successorId });

  it('reassigns the asset straight to the successor, never through stock', () => {
    const { leaverCase, effects } = accepted(run(transfer(LAPTOP.assetId, SUCCESSOR.personId)));
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)?.resolution).toEqual({ kind: 'transferred', successor: { personId: SUCCESSOR.personId, name: 'Sue Successor' } });
    expect(effects).toEqual([{ kind: 'reassignAsset', assetId: LAPTOP.assetId, fromPersonId: LEAVER.personId, toPersonId: SUCCESSOR.personId, wasMissing: false }]);
  });

  it('goes to a different, active person', () => {
    expect(refusal(run(transfer(LAPTOP.assetId, LEAVER.personId))).fields).toEqual({ successorId: 'Choose someone other than Lee Leaver: the successor takes the equipment over from them' });
    expect(refusal(run(transfer(LAPTOP.assetId, LEAVING_COLLEAGUE.personId))).fields).toEqual({
      successorId: 'Liz Leaving is not active (status Leaving): choose a successor who is staying, or record a return',
    });
    expect(refusal(run(transfer(LAPTOP.assetId, LEFT_COLLEAGUE.personId))).fields['successorId']).toMatch(/^Lou Left is not active \(status Left\)/);
    expect(refusal(run(transfer(LAPTOP.assetId, uuid(999))))).toEqual({
      code: 'invalid_input',
      message: 'The transfer has a problem: successorId: Choose the successor from the directory',
      fields: { successorId: 'Choose the successor from the directory' },
    });
  });

  it('is not possible for a smartcard or token, tied to the leaver’s identity', () => {
    const withToken = newCase([LAPTOP, SMARTCARD, ASSETS.network_token]);
    expect(refusal(run(transfer(SMARTCARD.assetId, SUCCESSOR.personId), MANAGER, withToken))).toEqual({
      code: 'invalid_input',
      message: "SC-0001 is a smartcard, tied to Lee Leaver's identity: it cannot pass to a successor",
      fields: { assetId: 'SC-0001 is a smartcard and cannot pass to a successor: record its return or mark it missing. The successor is issued their own' },
    });
    expect(refusal(run(transfer(ASSETS.network_token.assetId, SUCCESSOR.personId), MANAGER, withToken)).message).toMatch(/^TK-0001 is a network dongle or token/);
  });

  it('works for every other type', () => {
    const types = (Object.keys(ASSET_TYPES) as AssetType[]).filter((type) => type !== 'smartcard' && type !== 'network_token');
    const everything = newCase(types.map((type) => ASSETS[type]));
    for (const type of types) expect(run(transfer(ASSETS[type].assetId, SUCCESSOR.personId), DESK, everything).ok, type).toBe(true);
  });
});

describe('missing: cost recovery', () => {
  const missing = (assetId: string, statedValuePence: number | null, note: string | null = null): LeaverCommandInput => ({ command: 'markMissing', assetId, statedValuePence, note });

  it('recovers the register’s value by default, and reports the loss', () => {
    const { leaverCase, effects } = accepted(run(missing(LAPTOP.assetId, null, ' Not answering calls ')));
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)?.resolution).toEqual({ kind: 'missing', valuePence: 129_999, valueSource: 'register', note: 'Not answering calls' });
    expect(effects).toEqual([{ kind: 'reportMissingAsset', assetId: LAPTOP.assetId, valuePence: 129_999 }]);
  });

  it('recovers a stated value instead when given', () => {
    const { leaverCase } = accepted(run(missing(LAPTOP.assetId, 95_000)));
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)?.resolution).toMatchObject({ valuePence: 95_000, valueSource: 'stated' });
  });

  it('needs a stated value when the register has none (or only £0.00)', () => {
    const withHeadset = newCase([HEADSET, ASSETS.other]);
    expect(refusal(run(missing(HEADSET.assetId, null), MANAGER, withHeadset))).toEqual({
      code: 'invalid_input',
      message: 'The cost recovery has a problem: statedValuePence: Enter the value to recover: HS-0001 has no purchase value in the register',
      fields: { statedValuePence: 'Enter the value to recover: HS-0001 has no purchase value in the register' },
    });
    expect(refusal(run(missing(ASSETS.other.assetId, null), MANAGER, withHeadset)).fields['statedValuePence']).toBe(
      'Enter the value to recover: OT-0001 has no purchase value above £0.00 in the register',
    );
    expect(accepted(run(missing(HEADSET.assetId, 7_999), MANAGER, withHeadset)).effects).toEqual([{ kind: 'reportMissingAsset', assetId: HEADSET.assetId, valuePence: 7_999 }]);
  });

  it('takes a stated value only in whole, positive pence up to £1,000,000', () => {
    for (const bad of [0, -100, 12.5, 100_000_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal(run(missing(LAPTOP.assetId, bad))).fields, String(bad)).toEqual({
        statedValuePence: 'Enter the value to recover in pounds and pence: more than £0.00 and no more than £1,000,000.00',
      });
    }
    expect(run(missing(LAPTOP.assetId, 100_000_000)).ok).toBe(true);
    expect(run(missing(LAPTOP.assetId, 1)).ok).toBe(true);
  });
});

describe('written off', () => {
  it('needs a reason, and takes the asset out of custody without recovery', () => {
    expect(refusal(run({ command: 'writeOff', assetId: PHONE.assetId, reason: ' ' })).fields).toEqual({ reason: 'Enter why PH-0001 is written off rather than recovered' });
    const { leaverCase, effects } = accepted(run({ command: 'writeOff', assetId: PHONE.assetId, reason: ' Stolen abroad; police report 123 ' }));
    expect(itemOf(leaverCase, `asset:${PHONE.assetId}`)?.resolution).toEqual({ kind: 'written_off', reason: 'Stolen abroad; police report 123' });
    expect(effects).toEqual([{ kind: 'writeOffAsset', assetId: PHONE.assetId, reason: 'Stolen abroad; police report 123', wasMissing: false }]);
  });

  it('drops a recovery already under way', () => {
    const missing = withItemIn(newCase(), `asset:${PHONE.assetId}`, 'missing');
    expect(accepted(run({ command: 'writeOff', assetId: PHONE.assetId, reason: 'Below the recovery threshold' }, ADMIN, missing)).effects).toEqual([
      { kind: 'writeOffAsset', assetId: PHONE.assetId, reason: 'Below the recovery threshold', wasMissing: true },
    ]);
  });
});

describe('exit steps', () => {
  it('are done by someone at a moment, with an optional note', () => {
    const { leaverCase, effects } = accepted(run({ command: 'completeStep', step: 'revoke_access', assetId: null, note: ' Ticket INC-42 ' }, DESK));
    expect(itemOf(leaverCase, 'step:revoke_access')).toMatchObject({ state: 'done', resolution: { kind: 'done', note: 'Ticket INC-42' }, stateSetByName: 'Des Desk', stateSetAt: NOW });
    expect(effects).toEqual([]);
  });

  it('name the card a cancel step is for', () => {
    const { leaverCase } = accepted(run({ command: 'completeStep', step: 'cancel_credential', assetId: SMARTCARD.assetId, note: null }, DESK));
    expect(itemOf(leaverCase, `step:cancel_credential:${SMARTCARD.assetId}`)?.state).toBe('done');
    expect(refusal(run({ command: 'completeStep', step: 'cancel_credential', assetId: LAPTOP.assetId, note: null }, DESK))).toEqual({
      code: 'invalid_input',
      message: "“Cancel smartcard or token” for that asset is not on Lee Leaver's checklist",
      fields: { step: "Choose one of the steps on Lee Leaver's checklist" },
    });
    expect(refusal(run({ command: 'completeStep', step: 'cancel_credential', assetId: null, note: null }, DESK)).message).toBe(
      "“Cancel smartcard or token” is not on Lee Leaver's checklist",
    );
  });

  it('“Return all equipment” waits for every equipment item', () => {
    const completeReturn: LeaverCommandInput = { command: 'completeStep', step: 'return_assets', assetId: null, note: null };
    expect(refusal(run(completeReturn))).toEqual({
      code: 'conflict',
      message: 'Resolve every equipment item first: LT-0001 (Laptop), PH-0001 (Smartphone), SC-0001 (Smartcard) are outstanding',
      fields: {},
    });
    const twoDone = withItemIn(withItemIn(newCase(), `asset:${LAPTOP.assetId}`, 'returned'), `asset:${PHONE.assetId}`, 'missing');
    expect(refusal(run(completeReturn, MANAGER, twoDone)).message).toBe('Resolve every equipment item first: SC-0001 (Smartcard) is outstanding');
    expect(run(completeReturn, MANAGER, withItemIn(twoDone, `asset:${SMARTCARD.assetId}`, 'written_off')).ok).toBe(true);
  });

  it('may be not applicable with a reason, except the two that apply to everyone', () => {
    const notApplicable = (step: 'social_media' | 'return_assets' | 'revoke_access' | 'aup_reminder', reason: string): LeaverCommandInput => ({
      command: 'markStepNotApplicable',
      step,
      assetId: null,
      reason,
    });
    const { leaverCase } = accepted(run(notApplicable('social_media', ' Ran no official account or PIA ')));
    expect(itemOf(leaverCase, 'step:social_media')?.resolution).toEqual({ kind: 'not_applicable', reason: 'Ran no official account or PIA' });
    expect(refusal(run(notApplicable('aup_reminder', '')))).toEqual({
      code: 'invalid_input',
      message: 'Marking the step not applicable has a problem: reason: Enter why “Give the final Acceptable Use Policy reminder” does not apply to Lee Leaver',
      fields: { reason: 'Enter why “Give the final Acceptable Use Policy reminder” does not apply to Lee Leaver' },
    });
    expect(refusal(run(notApplicable('return_assets', 'Holds nothing')))).toEqual({
      code: 'conflict',
      message: '“Return all equipment” applies to every leaver (AUP 8.4): it cannot be marked not applicable',
      fields: {},
    });
    expect(refusal(run(notApplicable('revoke_access', 'No access'))).message).toBe(
      '“Revoke system access and disable the account” applies to every leaver (AUP 8.4): it cannot be marked not applicable',
    );
  });
});

describe('who may act on a case', () => {
  const missingLaptop: LeaverCommandInput = { command: 'markMissing', assetId: LAPTOP.assetId, statedValuePence: null, note: null };

  it('the line manager, a manager above them, or an administrator may take every step', () => {
    for (const who of [MANAGER, SENIOR, ADMIN]) expect(run(missingLaptop, who).ok, who.name).toBe(true);
  });

  it('the IT service desk handles kit and steps, but not money or judgements', () => {
    expect(run(returnLaptop(), DESK).ok).toBe(true);
    expect(run({ command: 'recordTransfer', assetId: LAPTOP.assetId, successorId: SUCCESSOR.personId }, DESK).ok).toBe(true);
    expect(run({ command: 'completeStep', step: 'building_pass', assetId: null, note: null }, DESK).ok).toBe(true);
    expect(refusal(run(missingLaptop, DESK))).toEqual({
      code: 'forbidden',
      message: "Only Lee Leaver's line manager (Meg Manager or a manager above them) or an administrator can mark equipment missing on Lee Leaver's leaver case (leaving 13 Mar 2026)",
      fields: {},
    });
    expect(run({ command: 'writeOff', assetId: LAPTOP.assetId, reason: 'Old' }, DESK).ok).toBe(false);
    expect(run({ command: 'markStepNotApplicable', step: 'building_pass', assetId: null, reason: 'None' }, DESK).ok).toBe(false);
  });

  it('nobody else: not a colleague, not another team’s manager', () => {
    expect(refusal(run(returnLaptop(), COLLEAGUE)).message).toBe(
      "Only Lee Leaver's line manager (Meg Manager or a manager above them), an administrator or the IT service desk can record a return on Lee Leaver's leaver case (leaving 13 Mar 2026)",
    );
    expect(refusal(run(missingLaptop, OTHER_MANAGER)).code).toBe('forbidden');
  });

  it('not the leaver, whatever roles they hold', () => {
    const leavingAdmin: LeaverActor = { ...LEAVER, roles: ['staff', 'admin', 'it_service_desk', 'line_manager'] };
    expect(refusal(run(returnLaptop(), leavingAdmin)).message).toBe(
      "You cannot record a return on your own leaver case: only Lee Leaver's line manager (Meg Manager or a manager above them), an administrator or the IT service desk can",
    );
  });

  it('for someone with no line manager, says only the others can', () => {
    expect(refusal(applyLeaverCommand(newCase(), missingLaptop, context(COLLEAGUE, { managerChain: [] }))).message).toBe(
      "Only an administrator can mark equipment missing on Lee Leaver's leaver case (leaving 13 Mar 2026)",
    );
  });

  it('checks who before the item, so a stranger learns nothing about it', () => {
    expect(refusal(run(returnLaptop({ assetId: COLLEAGUES_LAPTOP.assetId }), COLLEAGUE)).code).toBe('forbidden');
  });
});

describe('changing the leaving date', () => {
  const change = (leavingDate: string, reason = 'Notice extended'): LeaverCommandInput => ({ command: 'changeLeavingDate', leavingDate, reason });

  it('moves it, keeping the old date and the reason', () => {
    const { leaverCase, effects } = accepted(run(change('2026-03-27')));
    expect(leaverCase.leavingDate).toBe('2026-03-27');
    expect(leaverCase.leavingDateChange).toEqual({ by: MANAGER.personId, byName: 'Meg Manager', at: NOW, reason: 'Notice extended', from: '2026-03-13' });
    expect(effects).toEqual([]);
  });

  it('obeys the same bounds as at opening, must change something, and needs a reason', () => {
    expect(refusal(run(change('2023-03-02'))).fields['leavingDate']).toMatch(/^The leaving date must be within the last 90 days: 2 Mar 2023 is 3 years ago/);
    expect(refusal(run(change('2026-03-13'))).fields).toEqual({ leavingDate: '13 Mar 2026 is already the leaving date: enter the new one' });
    expect(refusal(run(change('2026-02-30', ' ')))).toEqual({
      code: 'invalid_input',
      message: 'The new leaving date has 2 problems: leavingDate: The leaving date must be a real date, for example 2026-03-27; reason: Enter why the leaving date is changing',
      fields: { leavingDate: 'The leaving date must be a real date, for example 2026-03-27', reason: 'Enter why the leaving date is changing' },
    });
  });

  it('is for the manager or an administrator', () => {
    expect(refusal(run(change('2026-03-27'), DESK)).code).toBe('forbidden');
  });
});

describe('cancelling: the person stays', () => {
  it('needs a reason, closes the case for good, and makes the person active again', () => {
    expect(refusal(run({ command: 'cancel', reason: '' }))).toEqual({
      code: 'invalid_input',
      message: 'Give a reason for cancelling the case',
      fields: { reason: 'Enter why Lee Leaver is no longer leaving' },
    });
    const returned = withItemIn(newCase(), `asset:${LAPTOP.assetId}`, 'returned');
    const { leaverCase, effects } = accepted(run({ command: 'cancel', reason: 'Resignation withdrawn' }, SENIOR, returned));
    expect(leaverCase).toMatchObject({ status: 'cancelled', statusSetByName: 'Sam Senior', statusSetAt: NOW, cancellation: { byName: 'Sam Senior', reason: 'Resignation withdrawn' } });
    // What was recorded stands: the laptop stays returned.
    expect(itemOf(leaverCase, `asset:${LAPTOP.assetId}`)?.state).toBe('returned');
    expect(effects).toEqual([{ kind: 'setPersonStatus', personId: LEAVER.personId, status: 'active' }]);
    expect(refusal(applyLeaverCommand(leaverCase, returnLaptop({ assetId: PHONE.assetId }), context(MANAGER))).message).toBe(
      "Cannot record a return on Lee Leaver's leaver case (leaving 13 Mar 2026): its status is “Cancelled: not leaving”, which is final (set by Sam Senior on 2 Mar 2026 at 09:30)",
    );
  });
});
