/**
 * The intent-level mutators issue 8 needs, as data for the next increment (the mutators themselves, their rows in
 * mutator-permissions.ts, handlers and sync). `leaver.openCase` makes a case; each of the others applies one command of
 * the leaver case (LEAVER_TRANSITIONS names its mutator), never "set status".
 *
 * There is deliberately no "add item" mutator: an asset issued to someone with an open case gets its checklist item from
 * `asset.issue` itself, in the same mutation (additionsForIssue), so the issue and the new item sync as one and no
 * desktop can send one without the other.
 */
export const LEAVER_MUTATOR_NAMES = [
  'leaver.openCase',
  'leaver.changeLeavingDate',
  'leaver.recordReturn',
  'leaver.recordTransfer',
  'leaver.markMissing',
  'leaver.writeOff',
  'leaver.completeStep',
  'leaver.markStepNotApplicable',
  'leaver.signOff',
  'leaver.cancelCase',
] as const;

export type LeaverMutatorName = (typeof LEAVER_MUTATOR_NAMES)[number];
