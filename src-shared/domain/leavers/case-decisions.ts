import { err, type Result } from '../../result';
import { markMissing, recordReturn, recordTransfer, writeOff } from './asset-resolution';
import { cancelCase, changeLeavingDate } from './case-changes';
import { canApplyToCase, caseRefusalMessage, CASE_TRANSITIONS } from './case-lifecycle';
import { partyRefusal } from './case-parties';
import type { LeaverCommandContext, LeaverCommandInput } from './command-context';
import type { LeaverOutcome } from './leaver-effects';
import { describeCase, type LeaverCase } from './leaver-case';
import { signOff } from './sign-off';
import { completeStep, markStepNotApplicable } from './step-resolution';

/**
 * Applies one command to a leaver case and returns the case after it with the effects the mutator must carry out, or a
 * refusal: the case lifecycle first (naming the status, who set it and when), then who may take the step, then the
 * item (on this case? in a state the command may act on?), then the command's own rules. Pure, so the mutators of the
 * next increment run the same decision on the desktop and on the server, and the property tests can drive it through
 * any sequence of events. A refusal changes nothing: the caller writes only what an accepted outcome holds.
 */
export function applyLeaverCommand(leaverCase: LeaverCase, input: LeaverCommandInput, context: LeaverCommandContext): Result<LeaverOutcome> {
  const { command } = input;
  if (!canApplyToCase(command, leaverCase.status)) {
    return err(
      'conflict',
      caseRefusalMessage(command, { leaverCase: describeCase(leaverCase), status: leaverCase.status, setByName: leaverCase.statusSetByName, setAt: leaverCase.statusSetAt }),
    );
  }
  const { verb, by } = CASE_TRANSITIONS[command];
  const parties = { leaverId: leaverCase.personId, leaverName: leaverCase.personName, managerChain: context.managerChain };
  const notAllowed = partyRefusal({ verb, what: describeCase(leaverCase), ownWhat: 'your own leaver case' }, by, context.actor, parties);
  if (notAllowed !== null) return err('forbidden', notAllowed);

  switch (input.command) {
    case 'changeLeavingDate':
      return changeLeavingDate(leaverCase, input, context);
    case 'recordReturn':
      return recordReturn(leaverCase, input, context);
    case 'recordTransfer':
      return recordTransfer(leaverCase, input, context);
    case 'markMissing':
      return markMissing(leaverCase, input, context);
    case 'writeOff':
      return writeOff(leaverCase, input, context);
    case 'completeStep':
      return completeStep(leaverCase, input, context);
    case 'markStepNotApplicable':
      return markStepNotApplicable(leaverCase, input, context);
    case 'signOff':
      return signOff(leaverCase, context);
    case 'cancel':
      return cancelCase(leaverCase, input, context);
  }
}
