import { describeMoment } from '../asset-lifecycle';

/**
 * The lifecycle of one checklist item: the only way an item's state changes. Equipment items and exit-step items have
 * their own commands; a command not allowed from the item's current state is refused, naming that state, who set it
 * and when.
 *
 *   equipment: outstanding ─recordReturn─▶ returned
 *              outstanding ─recordTransfer─▶ transferred          (straight to a successor, never through stock)
 *              outstanding ─markMissing─▶ missing ─recordReturn / recordTransfer─▶ returned / transferred (it turned up)
 *              outstanding, missing ─writeOff─▶ written_off         (no cost recovery)
 *   step:      outstanding ─completeStep─▶ done
 *              outstanding ─markStepNotApplicable─▶ not_applicable
 *
 * Every state but outstanding resolves the item (a missing item is resolved by cost recovery). Missing is the one
 * resolved state that is not final: until the case is signed off, kit that turns up is returned or handed on, and a
 * recovery the department decides not to pursue is written off. The others are final because each has already changed
 * the register (a return or a transfer) or records a decision with its reason; a mistake there is corrected in the
 * register, not by rewriting the leaver's record. Once the case is signed off, nothing on it changes at all.
 */
export const ITEM_STATES = {
  outstanding: 'Outstanding',
  returned: 'Returned',
  transferred: 'Transferred to a successor',
  missing: 'Missing: cost recovery',
  written_off: 'Written off',
  done: 'Done',
  not_applicable: 'Not applicable',
} as const;

export type ItemState = keyof typeof ITEM_STATES;

export const ITEM_STATE_VALUES = Object.keys(ITEM_STATES) as [ItemState, ...ItemState[]];

export type ItemKind = 'asset' | 'step';

export const ITEM_STATES_BY_KIND: Readonly<Record<ItemKind, readonly ItemState[]>> = {
  asset: ['outstanding', 'returned', 'transferred', 'missing', 'written_off'],
  step: ['outstanding', 'done', 'not_applicable'],
};

export const RESOLVED_ITEM_STATES: readonly ItemState[] = ['returned', 'transferred', 'missing', 'written_off', 'done', 'not_applicable'];

export const FINAL_ITEM_STATES: readonly ItemState[] = ['returned', 'transferred', 'written_off', 'done', 'not_applicable'];

/** How a refusal says what the item is now: "it is marked missing for cost recovery". */
const STATE_PHRASES: Record<ItemState, string> = {
  outstanding: 'outstanding',
  returned: 'returned',
  transferred: 'transferred to a successor',
  missing: 'marked missing for cost recovery',
  written_off: 'written off',
  done: 'done',
  not_applicable: 'marked not applicable',
};

interface ItemTransition {
  readonly kind: ItemKind;
  readonly from: readonly ItemState[];
  readonly to: ItemState;
  readonly verb: string;
}

export const ITEM_TRANSITIONS = {
  recordReturn: { kind: 'asset', from: ['outstanding', 'missing'], to: 'returned', verb: 'record the return of' },
  recordTransfer: { kind: 'asset', from: ['outstanding', 'missing'], to: 'transferred', verb: 'transfer' },
  markMissing: { kind: 'asset', from: ['outstanding'], to: 'missing', verb: 'mark as missing' },
  writeOff: { kind: 'asset', from: ['outstanding', 'missing'], to: 'written_off', verb: 'write off' },
  completeStep: { kind: 'step', from: ['outstanding'], to: 'done', verb: 'complete' },
  markStepNotApplicable: { kind: 'step', from: ['outstanding'], to: 'not_applicable', verb: 'mark as not applicable' },
} as const satisfies Record<string, ItemTransition>;

export type ItemCommand = keyof typeof ITEM_TRANSITIONS;

export const ITEM_COMMANDS = Object.keys(ITEM_TRANSITIONS) as [ItemCommand, ...ItemCommand[]];

export function canApplyToItem(command: ItemCommand, state: ItemState): boolean {
  return (ITEM_TRANSITIONS[command].from as readonly ItemState[]).includes(state);
}

/** What the checklist offers on an item of `kind` in `state` (before who may). */
export function itemCommandsFrom(kind: ItemKind, state: ItemState): ItemCommand[] {
  return ITEM_COMMANDS.filter((command) => ITEM_TRANSITIONS[command].kind === kind && canApplyToItem(command, state));
}

export interface ItemStateStamp {
  /** "LT-0042 (Laptop)" or "“Return building pass”" (describeItem). */
  readonly item: string;
  readonly state: ItemState;
  /** Display name of who set the state, or null when set before anyone signed in on this desktop. */
  readonly setByName: string | null;
  readonly setAt: string;
}

/** "Cannot mark as missing LT-0042 (Laptop): it is returned, which is final (set by Sid Desk on 15 Mar 2026 at 14:02)". */
export function itemRefusalMessage(command: ItemCommand, stamp: ItemStateStamp): string {
  const who = stamp.setByName === null ? 'on this desktop' : `by ${stamp.setByName}`;
  const final = FINAL_ITEM_STATES.includes(stamp.state) ? ', which is final' : '';
  return `Cannot ${ITEM_TRANSITIONS[command].verb} ${stamp.item}: it is ${STATE_PHRASES[stamp.state]}${final} (set ${who} on ${describeMoment(stamp.setAt)})`;
}
