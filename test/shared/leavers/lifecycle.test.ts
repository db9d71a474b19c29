import { describe, expect, it } from 'vitest';
import { applyLeaverCommand } from '../../../src-shared/domain/leavers/case-decisions';
import {
  canApplyToCase,
  caseCommandsFrom,
  caseRefusalMessage,
  CASE_COMMANDS,
  CASE_STATUS_VALUES,
  CASE_TRANSITIONS,
  FINAL_CASE_STATUSES,
  type CaseCommand,
  type CaseStatus,
} from '../../../src-shared/domain/leavers/case-lifecycle';
import { describeItem, itemKey } from '../../../src-shared/domain/leavers/checklist-item';
import type { LeaverCommandInput } from '../../../src-shared/domain/leavers/command-context';
import {
  canApplyToItem,
  FINAL_ITEM_STATES,
  itemCommandsFrom,
  itemRefusalMessage,
  ITEM_COMMANDS,
  ITEM_STATE_VALUES,
  ITEM_STATES_BY_KIND,
  ITEM_TRANSITIONS,
  RESOLVED_ITEM_STATES,
  type ItemCommand,
  type ItemState,
} from '../../../src-shared/domain/leavers/item-lifecycle';
import { LEAVER_MUTATOR_NAMES } from '../../../src-shared/domain/leavers/leaver-mutators';
import type { LeaverCase } from '../../../src-shared/domain/leavers/leaver-case';
import { ADMIN, allResolved, context, DESK, LAPTOP, MANAGER, newCase, refusal, SMARTCARD, SUCCESSOR, withItemIn } from './fixtures';

/** The item lifecycle written out by hand: which states each command is allowed from. Everything else is refused. */
const ITEM_ALLOWED: Record<ItemCommand, readonly ItemState[]> = {
  recordReturn: ['outstanding', 'missing'],
  recordTransfer: ['outstanding', 'missing'],
  markMissing: ['outstanding'],
  writeOff: ['outstanding', 'missing'],
  completeStep: ['outstanding'],
  markStepNotApplicable: ['outstanding'],
};

/** For each item command, valid input on the laptop (equipment) or the building pass step. */
const ITEM_INPUT: Record<ItemCommand, LeaverCommandInput> = {
  recordReturn: { command: 'recordReturn', assetId: LAPTOP.assetId, condition: 'good', conditionNote: null, receivedById: DESK.personId },
  recordTransfer: { command: 'recordTransfer', assetId: LAPTOP.assetId, successorId: SUCCESSOR.personId },
  markMissing: { command: 'markMissing', assetId: LAPTOP.assetId, statedValuePence: null, note: null },
  writeOff: { command: 'writeOff', assetId: LAPTOP.assetId, reason: 'Beyond economic repair' },
  completeStep: { command: 'completeStep', step: 'building_pass', assetId: null, note: null },
  markStepNotApplicable: { command: 'markStepNotApplicable', step: 'building_pass', assetId: null, reason: 'Works from home: no pass' },
};

const LAPTOP_KEY = `asset:${LAPTOP.assetId}`;
const PASS_KEY = 'step:building_pass';

describe('item lifecycle table', () => {
  it('allows exactly the hand-written transitions', () => {
    for (const command of ITEM_COMMANDS) {
      expect(ITEM_STATE_VALUES.filter((state) => canApplyToItem(command, state)), command).toEqual(ITEM_ALLOWED[command]);
    }
    expect(Object.keys(ITEM_ALLOWED).sort()).toEqual([...ITEM_COMMANDS].sort());
  });

  it('keeps equipment and step commands to their own kind of item', () => {
    for (const command of ITEM_COMMANDS) {
      const { kind, from, to } = ITEM_TRANSITIONS[command];
      for (const state of [...from, to]) expect(ITEM_STATES_BY_KIND[kind], command).toContain(state);
    }
    expect(itemCommandsFrom('asset', 'outstanding')).toEqual(['recordReturn', 'recordTransfer', 'markMissing', 'writeOff']);
    expect(itemCommandsFrom('asset', 'missing')).toEqual(['recordReturn', 'recordTransfer', 'writeOff']);
    expect(itemCommandsFrom('step', 'outstanding')).toEqual(['completeStep', 'markStepNotApplicable']);
  });

  it('resolves every state but outstanding; only missing may still change', () => {
    expect(ITEM_STATE_VALUES.filter((state) => !RESOLVED_ITEM_STATES.includes(state))).toEqual(['outstanding']);
    expect(RESOLVED_ITEM_STATES.filter((state) => !FINAL_ITEM_STATES.includes(state))).toEqual(['missing']);
    for (const state of FINAL_ITEM_STATES) expect(ITEM_COMMANDS.filter((command) => canApplyToItem(command, state))).toEqual([]);
  });

  it('names the state, who set it and when in a refusal', () => {
    expect(itemRefusalMessage('markMissing', { item: 'LT-0001 (Laptop)', state: 'returned', setByName: 'Des Desk', setAt: '2026-03-01T13:02:00.000Z' })).toBe(
      'Cannot mark as missing LT-0001 (Laptop): it is returned, which is final (set by Des Desk on 1 Mar 2026 at 13:02)',
    );
    expect(itemRefusalMessage('markMissing', { item: 'LT-0001 (Laptop)', state: 'missing', setByName: null, setAt: '2026-07-01T13:02:00.000Z' })).toBe(
      'Cannot mark as missing LT-0001 (Laptop): it is marked missing for cost recovery (set on this desktop on 1 Jul 2026 at 14:02)',
    );
  });
});

describe('every item state × command, through the decision', () => {
  for (const command of ITEM_COMMANDS) {
    const { kind, to } = ITEM_TRANSITIONS[command];
    const key = kind === 'asset' ? LAPTOP_KEY : PASS_KEY;
    for (const state of ITEM_STATES_BY_KIND[kind]) {
      const allowed = ITEM_ALLOWED[command].includes(state);
      it(`${command} on an item that is ${state}: ${allowed ? `moves it to ${to}` : 'is refused'}`, () => {
        const before = withItemIn(newCase(), key, state);
        const result = applyLeaverCommand(before, ITEM_INPUT[command], context(MANAGER));
        if (allowed) {
          expect(result.ok).toBe(true);
          const after = result.ok ? result.value.leaverCase : before;
          const item = after.items.find((candidate) => itemKey(candidate) === key);
          expect(item).toMatchObject({ state: to, resolution: { kind: to }, stateSetBy: MANAGER.personId, stateSetByName: 'Meg Manager' });
          // Nothing else moved: not the other items, not the case's own status.
          expect(after.items.filter((candidate) => itemKey(candidate) !== key)).toEqual(before.items.filter((candidate) => itemKey(candidate) !== key));
          expect(after.status).toBe('open');
          expect(after.statusSetAt).toBe(before.statusSetAt);
        } else {
          const item = before.items.find((candidate) => itemKey(candidate) === key);
          if (item === undefined) throw new Error('no item');
          expect(refusal(result)).toEqual({
            code: 'conflict',
            message: itemRefusalMessage(command, { item: describeItem(item), state, setByName: item.stateSetByName, setAt: item.stateSetAt }),
            fields: {},
          });
        }
      });
    }
  }
});

/** The case lifecycle written out by hand. */
const CASE_ALLOWED: Record<CaseCommand, readonly CaseStatus[]> = {
  changeLeavingDate: ['open'],
  recordReturn: ['open'],
  recordTransfer: ['open'],
  markMissing: ['open'],
  writeOff: ['open'],
  completeStep: ['open'],
  markStepNotApplicable: ['open'],
  signOff: ['open'],
  cancel: ['open'],
};

const CASE_INPUT: Record<CaseCommand, LeaverCommandInput> = {
  ...ITEM_INPUT,
  changeLeavingDate: { command: 'changeLeavingDate', leavingDate: '2026-03-20', reason: 'Notice extended' },
  signOff: { command: 'signOff' },
  cancel: { command: 'cancel', reason: 'Resignation withdrawn' },
};

function caseIn(status: CaseStatus, command: CaseCommand): LeaverCase {
  // Sign-off needs everything resolved; the other commands need the laptop and the pass outstanding.
  const base = command === 'signOff' ? allResolved(newCase()) : newCase();
  return { ...base, status, statusSetBy: ADMIN.personId, statusSetByName: 'Ada Admin', statusSetAt: '2026-03-14T16:45:00.000Z' };
}

describe('case lifecycle table', () => {
  it('allows exactly the hand-written transitions, each through its own mutator', () => {
    for (const command of CASE_COMMANDS) {
      expect(CASE_STATUS_VALUES.filter((status) => canApplyToCase(command, status)), command).toEqual(CASE_ALLOWED[command]);
    }
    expect(Object.keys(CASE_ALLOWED).sort()).toEqual([...CASE_COMMANDS].sort());
    const mutators = CASE_COMMANDS.map((command) => CASE_TRANSITIONS[command].mutator);
    expect(new Set(mutators).size).toBe(CASE_COMMANDS.length);
    expect(['leaver.openCase', ...mutators].sort()).toEqual([...LEAVER_MUTATOR_NAMES].sort());
  });

  it('lets nothing leave a final status', () => {
    expect(FINAL_CASE_STATUSES).toEqual(['signed_off', 'cancelled']);
    for (const status of FINAL_CASE_STATUSES) expect(caseCommandsFrom(status)).toEqual([]);
    expect(caseCommandsFrom('open')).toEqual([...CASE_COMMANDS]);
  });

  for (const command of CASE_COMMANDS) {
    for (const status of CASE_STATUS_VALUES) {
      const allowed = CASE_ALLOWED[command].includes(status);
      it(`${command} on a case that is ${status}: ${allowed ? 'accepted' : 'refused, naming the status, who set it and when'}`, () => {
        const before = caseIn(status, command);
        const result = applyLeaverCommand(before, CASE_INPUT[command], context(MANAGER, { today: '2026-03-16' }));
        if (allowed) {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.leaverCase.status).toBe(CASE_TRANSITIONS[command].to);
        } else {
          expect(refusal(result)).toEqual({
            code: 'conflict',
            message: caseRefusalMessage(command, { leaverCase: "Lee Leaver's leaver case (leaving 13 Mar 2026)", status, setByName: 'Ada Admin', setAt: '2026-03-14T16:45:00.000Z' }),
            fields: {},
          });
        }
      });
    }
  }

  it('words the refusal of a final case', () => {
    expect(caseRefusalMessage('recordReturn', { leaverCase: "Lee Leaver's leaver case (leaving 13 Mar 2026)", status: 'signed_off', setByName: 'Meg Manager', setAt: '2026-03-16T10:15:00.000Z' })).toBe(
      "Cannot record a return on Lee Leaver's leaver case (leaving 13 Mar 2026): its status is “Signed off”, which is final (set by Meg Manager on 16 Mar 2026 at 10:15)",
    );
  });

  it('checks the case before the item: a signed-off case refuses even a command its item would allow', () => {
    const signedOff = { ...withItemIn(newCase(), `asset:${SMARTCARD.assetId}`, 'missing'), status: 'signed_off' as const };
    expect(refusal(applyLeaverCommand(signedOff, { command: 'recordReturn', assetId: SMARTCARD.assetId, condition: 'good', conditionNote: null, receivedById: DESK.personId }, context(MANAGER))).message).toMatch(/^Cannot record a return on Lee Leaver's leaver case/);
  });
});
