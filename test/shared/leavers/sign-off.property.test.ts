import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLeaverCommand } from '../../../src-shared/domain/leavers/case-decisions';
import { FINAL_CASE_STATUSES } from '../../../src-shared/domain/leavers/case-lifecycle';
import { openLeaverCase } from '../../../src-shared/domain/leavers/case-opening';
import type { LeaverActor } from '../../../src-shared/domain/leavers/case-parties';
import { additionsForIssue, type HeldAsset } from '../../../src-shared/domain/leavers/checklist';
import { itemKey, RETURN_CONDITION_VALUES, type ChecklistItem } from '../../../src-shared/domain/leavers/checklist-item';
import type { AssetWhereabouts, LeaverCommandContext, LeaverCommandInput, PersonFacts } from '../../../src-shared/domain/leavers/command-context';
import { EXIT_STEP_VALUES, isCredential, type ExitStep } from '../../../src-shared/domain/leavers/exit-steps';
import { FINAL_ITEM_STATES } from '../../../src-shared/domain/leavers/item-lifecycle';
import type { LeaverEffect } from '../../../src-shared/domain/leavers/leaver-effects';
import type { LeaverCase } from '../../../src-shared/domain/leavers/leaver-case';
import { addDays } from '../../../src-shared/domain/travel/trip-dates';
import { ADMIN, ASSETS, CASE_ID, COLLEAGUE, COLLEAGUES_LAPTOP, DESK, LEAVER, LEAVING_COLLEAGUE, LEFT_COLLEAGUE, MANAGER, OTHER_MANAGER, PEOPLE, ref, SENIOR, SUCCESSOR, uuid } from './fixtures';

/**
 * The issue's Must show: no sequence of commands signs a case off while anything is outstanding, and a signed-off case
 * is final. Random sequences of issues to the leaver, returns, transfers, missing and written-off kit, steps done or
 * not applicable, moved leaving dates, cancellations and sign-off attempts, by people with and without the right, with
 * good and bad input, run through the domain while the days pass.
 *
 * The oracle does not read the checklist. It keeps its own model of the register, moved only by the effects the
 * decisions return (so a decision that resolved an item but forgot to tell the register is caught), and of the steps
 * done. Whenever a sign-off is accepted, the leaver must hold nothing in that register, every standard step and the
 * cancellation of every smartcard or token they held during the case must be done, the signer must be the line
 * manager, a manager above them or an administrator, and the leaving date must have come. After a case is final,
 * every command must be refused and change nothing, and an issue must add nothing to it.
 */

/** Mostly the line manager, who may do everything; now and then someone who may do less, or nothing at all. */
const ACTORS: readonly LeaverActor[] = [
  MANAGER,
  MANAGER,
  MANAGER,
  MANAGER,
  SENIOR,
  ADMIN,
  DESK,
  DESK,
  COLLEAGUE,
  OTHER_MANAGER,
  { ...LEAVER, roles: ['staff', 'admin', 'line_manager'] },
];
const MAY_SIGN_OFF = new Set([MANAGER.personId, SENIOR.personId, ADMIN.personId]);

const POOL: readonly HeldAsset[] = [ASSETS.laptop, ASSETS.smartphone, ASSETS.smartcard, ASSETS.network_token, ASSETS.headset, ASSETS.encrypted_usb];
const WRONG_ASSET = COLLEAGUES_LAPTOP.assetId;
const UNKNOWN_PERSON = uuid(999);
const RECEIVERS = [DESK.personId, MANAGER.personId, LEAVER.personId, LEFT_COLLEAGUE.personId, UNKNOWN_PERSON];
const SUCCESSORS = [SUCCESSOR.personId, SUCCESSOR.personId, LEAVING_COLLEAGUE.personId, LEAVER.personId, UNKNOWN_PERSON];
const VALUES = [null, null, 50_000, 0, -1];
const STANDARD_STEPS = EXIT_STEP_VALUES.filter((step) => step !== 'cancel_credential');

type ActCommand = 'recordReturn' | 'recordTransfer' | 'markMissing' | 'writeOff' | 'completeStep' | 'markStepNotApplicable';

type Step =
  | {
      readonly kind: 'act';
      readonly actor: number;
      readonly target: number;
      readonly outstandingOnly: boolean;
      /** Keep to commands of the target's kind (equipment or step); otherwise send the command as drawn. */
      readonly sensible: boolean;
      readonly wrongCase: boolean;
      readonly command: ActCommand;
      readonly flavour: number;
      readonly blank: boolean;
    }
  | { readonly kind: 'issue'; readonly asset: number }
  | { readonly kind: 'signOff'; readonly actor: number }
  | { readonly kind: 'cancel'; readonly actor: number; readonly blank: boolean }
  | { readonly kind: 'changeDate'; readonly actor: number; readonly offset: number }
  | { readonly kind: 'advance'; readonly days: number };

const actor = fc.nat(ACTORS.length - 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      actor,
      target: fc.nat(40),
      // Mostly an item still outstanding (as a manager working down the list), sometimes any item at all.
      outstandingOnly: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      sensible: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      wrongCase: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      command: fc.oneof(
        { weight: 3, arbitrary: fc.constant<ActCommand>('recordReturn') },
        { weight: 3, arbitrary: fc.constant<ActCommand>('completeStep') },
        { weight: 1, arbitrary: fc.constantFrom<ActCommand>('recordTransfer', 'markMissing', 'writeOff', 'markStepNotApplicable') },
      ),
      // Picks the condition, receiver, successor or value: mostly sensible, sometimes not.
      flavour: fc.nat(19),
      blank: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('issue' as const), asset: fc.nat(POOL.length - 1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('signOff' as const), actor }) },
  // Rarely a good reason, so most runs keep their case open long enough to be signed off.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), actor, blank: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('changeDate' as const), actor, offset: fc.integer({ min: -100, max: 10 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 4 }) }) },
);

type Holder = 'leaver' | 'stock' | 'successor' | 'lost';

/** The harness's own model of the world: the register as the effects move it, and the steps done. */
interface World {
  today: string;
  tick: number;
  leaverCase: LeaverCase;
  /** The leaving date as the harness set it (not read from the case). */
  leavingDate: string;
  register: Map<string, Holder>;
  stepsDone: Set<ExitStep>;
  /** For every credential the leaver has held during the case: whether its cancellation is done since it was last issued. */
  credentialsCancelled: Map<string, boolean>;
}

const stats = { signOffs: 0, signOffsRefusedOutstanding: 0, cancellations: 0, refusedAfterFinal: 0, issuesDuringCase: 0 };

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function moment(world: World): string {
  world.tick += 1;
  return new Date(Date.parse(`${world.today}T08:00:00Z`) + world.tick * 1000).toISOString();
}

const PEOPLE_FACTS: ReadonlyMap<string, PersonFacts> = PEOPLE;
const WHEREABOUTS: ReadonlyMap<string, AssetWhereabouts> = new Map([[WRONG_ASSET, COLLEAGUES_LAPTOP]]);

function contextFor(world: World, who: LeaverActor): LeaverCommandContext {
  return { actor: who, at: moment(world), today: world.today, managerChain: [ref(MANAGER), ref(SENIOR)], people: PEOPLE_FACTS, assets: WHEREABOUTS };
}

function applyEffects(world: World, effects: readonly LeaverEffect[]): void {
  for (const effect of effects) {
    if (effect.kind === 'returnAsset') world.register.set(effect.assetId, 'stock');
    if (effect.kind === 'reassignAsset') world.register.set(effect.assetId, 'successor');
    if (effect.kind === 'reportMissingAsset' || effect.kind === 'writeOffAsset') world.register.set(effect.assetId, 'lost');
  }
}

function inputFor(s: Extract<Step, { kind: 'act' }>, world: World): LeaverCommandInput {
  const outstanding = world.leaverCase.items.filter((item) => item.state === 'outstanding');
  const items = s.outstandingOnly && outstanding.length > 0 ? outstanding : world.leaverCase.items;
  const target: ChecklistItem | undefined = items[s.target % items.length];
  const assetId = s.wrongCase ? WRONG_ASSET : target?.kind === 'asset' ? target.assetId : (target?.assetId ?? POOL[s.target % POOL.length]?.assetId ?? WRONG_ASSET);
  const stepName: ExitStep = target?.kind === 'step' ? target.step : 'cancel_credential';
  const stepAsset = target?.kind === 'step' ? target.assetId : assetId;
  const reason = s.blank ? ' ' : 'Because';
  const forSteps = s.command === 'completeStep' || s.command === 'markStepNotApplicable';
  const command: ActCommand = !s.sensible || target === undefined || (target.kind === 'step') === forSteps ? s.command : target.kind === 'step' ? 'completeStep' : 'recordReturn';
  switch (command) {
    case 'recordReturn': {
      const condition = RETURN_CONDITION_VALUES[s.flavour % RETURN_CONDITION_VALUES.length] ?? 'good';
      return { command: 'recordReturn', assetId, condition, conditionNote: s.blank ? null : 'Scuffed', receivedById: RECEIVERS[s.flavour % RECEIVERS.length] ?? DESK.personId };
    }
    case 'recordTransfer':
      return { command: 'recordTransfer', assetId, successorId: SUCCESSORS[s.flavour % SUCCESSORS.length] ?? SUCCESSOR.personId };
    case 'markMissing':
      return { command: 'markMissing', assetId, statedValuePence: VALUES[s.flavour % VALUES.length] ?? null, note: null };
    case 'writeOff':
      return { command: 'writeOff', assetId, reason };
    case 'completeStep':
      return { command: 'completeStep', step: stepName, assetId: stepAsset, note: null };
    case 'markStepNotApplicable':
      return { command: 'markStepNotApplicable', step: stepName, assetId: stepAsset, reason };
  }
}

/** The oracle for an accepted sign-off, from the harness's own model only. */
function expectSafeSignOff(world: World, who: LeaverActor): void {
  stats.signOffs += 1;
  check(MAY_SIGN_OFF.has(who.personId), `${who.name} signed off`);
  check(world.today >= world.leavingDate, `signed off on ${world.today}, before the leaving date ${world.leavingDate}`);
  for (const [assetId, holder] of world.register) check(holder !== 'leaver', `signed off while the leaver still holds ${assetId}`);
  for (const stepName of STANDARD_STEPS) check(world.stepsDone.has(stepName), `signed off with “${stepName}” not done`);
  for (const [assetId, cancelled] of world.credentialsCancelled) check(cancelled, `signed off with credential ${assetId} not cancelled`);
}

function run(world: World, s: Step): void {
  const final = FINAL_CASE_STATUSES.includes(world.leaverCase.status);
  const before = world.leaverCase;
  let input: LeaverCommandInput;
  let who: LeaverActor = MANAGER;
  switch (s.kind) {
    case 'advance':
      world.today = addDays(world.today, s.days);
      return;
    case 'issue': {
      const asset = POOL[s.asset];
      if (asset === undefined || (world.register.get(asset.assetId) ?? 'stock') !== 'stock') return; // only kit in stock can be issued
      const additions = additionsForIssue(world.leaverCase, asset, LEAVER.personId, ref(DESK), moment(world));
      if (final) {
        check(additions.length === 0, 'an issue added items to a final case');
        return;
      }
      stats.issuesDuringCase += 1;
      world.register.set(asset.assetId, 'leaver');
      if (isCredential(asset.type)) world.credentialsCancelled.set(asset.assetId, false);
      world.leaverCase = { ...world.leaverCase, items: [...world.leaverCase.items, ...additions] };
      return;
    }
    case 'act':
      who = ACTORS[s.actor] ?? MANAGER;
      input = inputFor(s, world);
      break;
    case 'signOff':
      who = ACTORS[s.actor] ?? MANAGER;
      input = { command: 'signOff' };
      break;
    case 'cancel':
      who = ACTORS[s.actor] ?? MANAGER;
      input = { command: 'cancel', reason: s.blank ? '' : 'Resignation withdrawn' };
      break;
    case 'changeDate':
      who = ACTORS[s.actor] ?? MANAGER;
      input = { command: 'changeLeavingDate', leavingDate: addDays(world.today, s.offset), reason: 'Notice changed' };
      break;
  }
  const result = applyLeaverCommand(world.leaverCase, input, contextFor(world, who));
  if (final) {
    stats.refusedAfterFinal += 1;
    check(!result.ok && result.error.code === 'conflict', `${input.command} was not refused on a ${world.leaverCase.status} case`);
    return;
  }
  if (!result.ok) {
    if (input.command === 'signOff' && result.error.message.includes('still outstanding')) stats.signOffsRefusedOutstanding += 1;
    return;
  }
  world.leaverCase = result.value.leaverCase;
  applyEffects(world, result.value.effects);
  if (input.command === 'signOff') expectSafeSignOff(world, who);
  if (input.command === 'cancel') stats.cancellations += 1;
  if (input.command === 'changeLeavingDate') world.leavingDate = input.leavingDate;
  if (input.command === 'completeStep' || input.command === 'markStepNotApplicable') {
    if (input.step === 'cancel_credential' && input.assetId !== null) world.credentialsCancelled.set(input.assetId, true);
    else world.stepsDone.add(input.step);
  }
  check(before.status === 'open', 'a final case moved');
}

function expectInvariants(before: LeaverCase, world: World): void {
  const after = world.leaverCase;
  if (FINAL_CASE_STATUSES.includes(before.status)) check(after === before, `a ${before.status} case changed`);
  const keys = after.items.map(itemKey);
  check(new Set(keys).size === keys.length, 'two items share a key');
  const beforeItems = new Map(before.items.map((item) => [itemKey(item), item]));
  for (const [key, item] of beforeItems) {
    const now = after.items.find((candidate) => itemKey(candidate) === key);
    check(now !== undefined, `item ${key} disappeared`);
    if (FINAL_ITEM_STATES.includes(item.state)) check(JSON.stringify(now) === JSON.stringify(item), `final item ${key} changed`);
  }
  for (const item of after.items) check(item.state === (item.resolution?.kind ?? 'outstanding'), `item ${itemKey(item)} is ${item.state} with a ${item.resolution?.kind ?? 'missing'} resolution`);
  // Every asset the leaver holds in the harness's register is on an outstanding item: nothing they hold goes untracked.
  for (const [assetId, holder] of world.register) {
    if (holder !== 'leaver') continue;
    check(after.status !== 'open' || after.items.some((item) => item.kind === 'asset' && item.assetId === assetId && item.state === 'outstanding'), `held asset ${assetId} has no outstanding item`);
  }
}

function start(held: readonly number[], leavingIn: number): World {
  const today = '2026-03-02';
  const heldAssets = held.flatMap((index) => POOL[index] ?? []);
  const opened = openLeaverCase(
    { id: CASE_ID, personId: LEAVER.personId, leavingDate: addDays(today, leavingIn) },
    { actor: MANAGER, at: `${today}T08:00:00.000Z`, today, person: { personId: LEAVER.personId, name: LEAVER.name, status: 'active' }, managerChain: [ref(MANAGER), ref(SENIOR)], openCase: null, held: heldAssets },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const register = new Map<string, Holder>(heldAssets.map((asset) => [asset.assetId, 'leaver']));
  const credentialsCancelled = new Map(heldAssets.filter((asset) => isCredential(asset.type)).map((asset) => [asset.assetId, false]));
  return { today, tick: 0, leaverCase: opened.value.leaverCase, leavingDate: addDays(today, leavingIn), register, stepsDone: new Set(), credentialsCancelled };
}

/** A sequence every run starts with, so a full return and a sign-off (refused, then accepted) are always exercised. */
const act = (target: number, command: ActCommand, flavour = 0): Step => ({ kind: 'act', actor: 0, target, outstandingOnly: false, sensible: false, wrongCase: false, command, flavour, blank: false });
const EXAMPLE: [readonly number[], number, Step[]] = [
  [0, 2],
  0,
  [
    { kind: 'signOff', actor: 0 },
    act(0, 'recordReturn'),
    act(1, 'markMissing'),
    { kind: 'issue', asset: 5 },
    act(2, 'completeStep'),
    act(3, 'completeStep'),
    act(4, 'completeStep'),
    act(5, 'completeStep'),
    act(6, 'completeStep'),
    act(7, 'completeStep'),
    { kind: 'signOff', actor: 0 },
    act(8, 'recordTransfer'),
    act(2, 'completeStep'),
    { kind: 'signOff', actor: 0 },
    act(0, 'recordReturn'),
  ],
];

describe('leaver sign-off safety (Must show)', () => {
  it('no sequence of commands signs off a case with anything outstanding, and a signed-off case is final', () => {
    fc.assert(
      fc.property(
        fc.subarray([0, 1, 2, 3, 4, 5]),
        fc.integer({ min: -3, max: 8 }),
        fc.array(step, { minLength: 10, maxLength: 80, size: 'max' }),
        (held, leavingIn, steps) => {
          const world = start(held, leavingIn);
          for (const s of steps) {
            const before = world.leaverCase;
            run(world, s);
            expectInvariants(before, world);
          }
        },
      ),
      { numRuns: 400, examples: [EXAMPLE] },
    );
    // The property is only as good as the sign-offs it saw: the example guarantees one, and random runs usually add about
    // 90 accepted sign-offs, 900 refused for outstanding items and 50 cancellations.
    expect(stats.signOffs).toBeGreaterThanOrEqual(20);
    expect(stats.signOffsRefusedOutstanding).toBeGreaterThanOrEqual(20);
    expect(stats.refusedAfterFinal).toBeGreaterThanOrEqual(20);
    expect(stats.cancellations).toBeGreaterThanOrEqual(1);
    expect(stats.issuesDuringCase).toBeGreaterThanOrEqual(20);
  });
});
