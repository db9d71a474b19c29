import { err, ok, type Result } from '../../result';
import { cleanText, invalidFields, itemStamp, outcome, withItem } from './case-update';
import { describeItem, isResolved, latestStepItem, type StepItem, type StepResolution } from './checklist-item';
import { EXIT_STEPS, type ExitStep } from './exit-steps';
import { canApplyToItem, itemRefusalMessage, ITEM_TRANSITIONS } from './item-lifecycle';
import type { LeaverCommandContext } from './command-context';
import type { LeaverOutcome } from './leaver-effects';
import type { LeaverCase } from './leaver-case';

/** The rules for the exit steps: done (by whom, when, an optional note), or not applicable with a reason where sensible. */

type StepCommand = 'completeStep' | 'markStepNotApplicable';

function findStepItem(leaverCase: LeaverCase, step: ExitStep, assetId: string | null, command: StepCommand): Result<StepItem> {
  const item = latestStepItem(leaverCase.items, step, assetId);
  if (item === undefined) {
    const what = assetId === null ? `“${EXIT_STEPS[step].label}”` : `“${EXIT_STEPS[step].label}” for that asset`;
    return err('invalid_input', `${what} is not on ${leaverCase.personName}'s checklist`, { step: `Choose one of the steps on ${leaverCase.personName}'s checklist` });
  }
  if (!canApplyToItem(command, item.state)) {
    return err('conflict', itemRefusalMessage(command, { item: describeItem(item), state: item.state, setByName: item.stateSetByName, setAt: item.stateSetAt }));
  }
  return ok(item);
}

function resolved(leaverCase: LeaverCase, item: StepItem, command: StepCommand, resolution: StepResolution, context: LeaverCommandContext): LeaverCase {
  return withItem(leaverCase, { ...item, state: ITEM_TRANSITIONS[command].to, resolution, ...itemStamp(context.actor, context.at) });
}

export function completeStep(
  leaverCase: LeaverCase,
  input: { readonly step: ExitStep; readonly assetId: string | null; readonly note: string | null },
  context: LeaverCommandContext,
): Result<LeaverOutcome> {
  const found = findStepItem(leaverCase, input.step, input.assetId, 'completeStep');
  if (!found.ok) return found;
  // "Return all equipment" confirms the equipment items first: ticking it with a laptop still out would say the opposite
  // of the checklist.
  if (input.step === 'return_assets') {
    const out = leaverCase.items.filter((item) => item.kind === 'asset' && !isResolved(item)).map(describeItem);
    if (out.length > 0) {
      return err('conflict', `Resolve every equipment item first: ${out.join(', ')} ${out.length === 1 ? 'is' : 'are'} outstanding`);
    }
  }
  return outcome(resolved(leaverCase, found.value, 'completeStep', { kind: 'done', note: cleanText(input.note) }, context));
}

export function markStepNotApplicable(
  leaverCase: LeaverCase,
  input: { readonly step: ExitStep; readonly assetId: string | null; readonly reason: string },
  context: LeaverCommandContext,
): Result<LeaverOutcome> {
  const found = findStepItem(leaverCase, input.step, input.assetId, 'markStepNotApplicable');
  if (!found.ok) return found;
  const definition = EXIT_STEPS[input.step];
  if (!definition.notApplicable) {
    return err('conflict', `“${definition.label}” applies to every leaver (${definition.policy}): it cannot be marked not applicable`);
  }
  const reason = cleanText(input.reason);
  if (reason === null) return invalidFields('Marking the step not applicable', { reason: `Enter why “${definition.label}” does not apply to ${leaverCase.personName}` });
  return outcome(resolved(leaverCase, found.value, 'markStepNotApplicable', { kind: 'not_applicable', reason }, context));
}
