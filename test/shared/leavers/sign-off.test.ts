import { describe, expect, it } from 'vitest';
import { applyLeaverCommand } from '../../../src-shared/domain/leavers/case-decisions';
import { CASE_COMMANDS } from '../../../src-shared/domain/leavers/case-lifecycle';
import type { LeaverActor } from '../../../src-shared/domain/leavers/case-parties';
import { itemKey } from '../../../src-shared/domain/leavers/checklist-item';
import { costRecoverySummary } from '../../../src-shared/domain/leavers/cost-recovery';
import type { LeaverCommandInput } from '../../../src-shared/domain/leavers/command-context';
import type { LeaverCase } from '../../../src-shared/domain/leavers/leaver-case';
import { outstandingItems, signOffEffects } from '../../../src-shared/domain/leavers/sign-off';
import {
  accepted,
  ADMIN,
  allResolved,
  COLLEAGUE,
  context,
  DESK,
  HEADSET,
  LAPTOP,
  LEAVER,
  LEAVING_DATE,
  MANAGER,
  newCase,
  OTHER_MANAGER,
  PHONE,
  refusal,
  SENIOR,
  SMARTCARD,
  SUCCESSOR,
} from './fixtures';

const signOff: LeaverCommandInput = { command: 'signOff' };
const ON_THE_LEAVING_DATE = LEAVING_DATE;

function signOffBy(who: LeaverActor, leaverCase: LeaverCase, today = ON_THE_LEAVING_DATE) {
  return applyLeaverCommand(leaverCase, signOff, context(who, { today, at: `${today}T16:30:00.000Z` }));
}

describe('sign-off', () => {
  it('is refused while anything is outstanding, listing what', () => {
    expect(refusal(signOffBy(MANAGER, newCase()))).toEqual({
      code: 'conflict',
      message:
        "Cannot sign off Lee Leaver's leaver case (leaving 13 Mar 2026): 9 items are still outstanding: LT-0001 (Laptop), PH-0001 (Smartphone), SC-0001 (Smartcard), “Return all equipment”, “Revoke system access and disable the account”, “Cancel smartcard or token” for SC-0001, “Remove from official social media accounts and professional individual accounts”, “Return building pass”, “Give the final Acceptable Use Policy reminder”",
      fields: {},
    });
    const allButOne = allResolved(newCase());
    const oneOut = { ...allButOne, items: allButOne.items.map((item) => (item.kind === 'step' && item.step === 'aup_reminder' ? { ...item, state: 'outstanding' as const, resolution: null } : item)) };
    expect(refusal(signOffBy(MANAGER, oneOut)).message).toBe(
      "Cannot sign off Lee Leaver's leaver case (leaving 13 Mar 2026): 1 item is still outstanding: “Give the final Acceptable Use Policy reminder”",
    );
    expect(outstandingItems(oneOut).map(itemKey)).toEqual(['step:aup_reminder']);
  });

  it('is refused before the leaving date, because it disables the account at once', () => {
    expect(refusal(signOffBy(MANAGER, allResolved(newCase()), '2026-03-12'))).toEqual({
      code: 'conflict',
      message: 'Lee Leaver leaves on 13 Mar 2026: sign off on or after that day, because signing off disables their account at once',
      fields: {},
    });
  });

  it('on or after the leaving date, disables the account with every session revoked and sets the person to left', () => {
    const { leaverCase, effects } = accepted(signOffBy(MANAGER, allResolved(newCase())));
    expect(leaverCase).toMatchObject({ status: 'signed_off', statusSetBy: MANAGER.personId, statusSetByName: 'Meg Manager', statusSetAt: '2026-03-13T16:30:00.000Z' });
    expect(effects).toEqual([
      { kind: 'disableAccount', personId: LEAVER.personId, revokeAllSessions: true },
      { kind: 'setPersonStatus', personId: LEAVER.personId, status: 'left' },
    ]);
    expect(signOffEffects(leaverCase)).toEqual(effects);
    expect(signOffBy(MANAGER, allResolved(newCase()), '2026-04-30').ok).toBe(true);
  });

  it('counts missing and written-off items as resolved: cost recovery is an outcome', () => {
    let leaverCase = allResolved(newCase());
    leaverCase = { ...leaverCase, items: leaverCase.items.map((item) => (item.kind === 'asset' && item.assetId === PHONE.assetId ? { ...item, state: 'missing' as const } : item)) };
    expect(signOffBy(MANAGER, leaverCase).ok).toBe(true);
  });

  it('is for the line manager, a manager above them, or an administrator', () => {
    for (const who of [MANAGER, SENIOR, ADMIN]) expect(signOffBy(who, allResolved(newCase())).ok, who.name).toBe(true);
    for (const who of [DESK, COLLEAGUE, OTHER_MANAGER]) {
      expect(refusal(signOffBy(who, allResolved(newCase()))), who.name).toEqual({
        code: 'forbidden',
        message: "Only Lee Leaver's line manager (Meg Manager or a manager above them) or an administrator can sign off Lee Leaver's leaver case (leaving 13 Mar 2026)",
        fields: {},
      });
    }
    expect(refusal(signOffBy({ ...LEAVER, roles: ['staff', 'admin'] }, allResolved(newCase()))).message).toBe(
      "You cannot sign off your own leaver case: only Lee Leaver's line manager (Meg Manager or a manager above them) or an administrator can",
    );
  });

  it('is final: every command afterwards is refused, naming who signed off and when', () => {
    const signedOff = accepted(signOffBy(MANAGER, allResolved(newCase()))).leaverCase;
    const inputs: Record<(typeof CASE_COMMANDS)[number], LeaverCommandInput> = {
      changeLeavingDate: { command: 'changeLeavingDate', leavingDate: '2026-03-20', reason: 'x' },
      recordReturn: { command: 'recordReturn', assetId: LAPTOP.assetId, condition: 'good', conditionNote: null, receivedById: DESK.personId },
      recordTransfer: { command: 'recordTransfer', assetId: LAPTOP.assetId, successorId: SUCCESSOR.personId },
      markMissing: { command: 'markMissing', assetId: LAPTOP.assetId, statedValuePence: null, note: null },
      writeOff: { command: 'writeOff', assetId: LAPTOP.assetId, reason: 'x' },
      completeStep: { command: 'completeStep', step: 'building_pass', assetId: null, note: null },
      markStepNotApplicable: { command: 'markStepNotApplicable', step: 'building_pass', assetId: null, reason: 'x' },
      signOff,
      cancel: { command: 'cancel', reason: 'x' },
    };
    for (const command of CASE_COMMANDS) {
      const error = refusal(applyLeaverCommand(signedOff, inputs[command], context(ADMIN, { today: '2026-03-20' })));
      expect(error.code, command).toBe('conflict');
      expect(error.message, command).toMatch(/: its status is “Signed off”, which is final \(set by Meg Manager on 13 Mar 2026 at 16:30\)$/);
    }
  });
});

describe('cost recovery summary', () => {
  function caseWithOutcomes(): LeaverCase {
    const base = newCase([LAPTOP, PHONE, SMARTCARD, HEADSET]);
    const ctx = context(MANAGER);
    const steps: LeaverCommandInput[] = [
      { command: 'recordReturn', assetId: SMARTCARD.assetId, condition: 'good', conditionNote: null, receivedById: DESK.personId },
      { command: 'markMissing', assetId: PHONE.assetId, statedValuePence: null, note: 'Not answering' },
      { command: 'markMissing', assetId: LAPTOP.assetId, statedValuePence: 110_000, note: null },
      { command: 'writeOff', assetId: HEADSET.assetId, reason: 'Broken; not worth recovering' },
    ];
    return steps.reduce((leaverCase, input) => accepted(applyLeaverCommand(leaverCase, input, ctx)).leaverCase, base);
  }

  it('lists the missing items with their values and the total, and the write-offs for the record', () => {
    const summary = costRecoverySummary(caseWithOutcomes());
    expect(summary).toEqual({
      caseId: summary.caseId,
      personId: LEAVER.personId,
      personName: 'Lee Leaver',
      leavingDate: '2026-03-13',
      caseStatus: 'open',
      final: false,
      missing: [
        {
          assetId: LAPTOP.assetId,
          assetTag: 'LT-0001',
          assetType: 'laptop',
          model: 'Dell Latitude 7450',
          recordedByName: 'Meg Manager',
          recordedAt: '2026-03-02T09:30:00.000Z',
          valuePence: 110_000,
          valueSource: 'stated',
          note: null,
        },
        {
          assetId: PHONE.assetId,
          assetTag: 'PH-0001',
          assetType: 'smartphone',
          model: 'Samsung Galaxy A55',
          recordedByName: 'Meg Manager',
          recordedAt: '2026-03-02T09:30:00.000Z',
          valuePence: 39_900,
          valueSource: 'register',
          note: 'Not answering',
        },
      ],
      totalPence: 149_900,
      writtenOff: [
        {
          assetId: HEADSET.assetId,
          assetTag: 'HS-0001',
          assetType: 'headset',
          model: 'Jabra Evolve2 40',
          recordedByName: 'Meg Manager',
          recordedAt: '2026-03-02T09:30:00.000Z',
          reason: 'Broken; not worth recovering',
          registerValuePence: null,
        },
      ],
    });
  });

  it('is final once the case is signed off', () => {
    const open = caseWithOutcomes();
    const steps = open.items.flatMap((item): LeaverCommandInput[] => (item.kind === 'step' ? [{ command: 'completeStep', step: item.step, assetId: item.assetId, note: null }] : []));
    const done = steps.reduce((leaverCase, input) => accepted(applyLeaverCommand(leaverCase, input, context(MANAGER))).leaverCase, open);
    const signedOff = accepted(applyLeaverCommand(done, signOff, context(MANAGER, { today: '2026-03-16' }))).leaverCase;
    expect(costRecoverySummary(signedOff)).toMatchObject({ caseStatus: 'signed_off', final: true, totalPence: 149_900 });
  });

  it('is empty with a zero total when everything came back', () => {
    expect(costRecoverySummary(allResolved(newCase()))).toMatchObject({ missing: [], writtenOff: [], totalPence: 0, final: false });
  });
});
