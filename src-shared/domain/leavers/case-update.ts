import { err, ok, type Result } from '../../result';
import type { ChecklistItem } from './checklist-item';
import { itemKey } from './checklist-item';
import type { LeaverActor } from './case-parties';
import type { LeaverEffect, LeaverOutcome } from './leaver-effects';
import type { LeaverCase } from './leaver-case';

/** Small helpers the decisions share: replacing an item, stamping a resolution, and wording field problems. */

export function withItem(leaverCase: LeaverCase, updated: ChecklistItem): LeaverCase {
  const key = itemKey(updated);
  return { ...leaverCase, items: leaverCase.items.map((item) => (itemKey(item) === key ? updated : item)) };
}

/** The stamp an item gets when someone changes its state: the case's own status (and who set it) does not move. */
export function itemStamp(actor: LeaverActor, at: string) {
  return { stateSetBy: actor.personId, stateSetByName: actor.name, stateSetAt: at };
}

export function outcome(leaverCase: LeaverCase, effects: readonly LeaverEffect[] = []): Result<LeaverOutcome> {
  return ok({ leaverCase, effects });
}

/** Trimmed text, or null when empty or all spaces. */
export function cleanText(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * All of a command's field problems at once, so the form's error summary lists them together (GOV.UK pattern):
 * "The return has 2 problems: conditionNote: …; receivedById: …".
 */
export function invalidFields(what: string, fields: Readonly<Record<string, string>>): Result<never> {
  const entries = Object.entries(fields);
  const list = entries.map(([field, message]) => `${field}: ${message}`).join('; ');
  return err('invalid_input', `${what} has ${entries.length === 1 ? 'a problem' : `${String(entries.length)} problems`}: ${list}`, { ...fields });
}

