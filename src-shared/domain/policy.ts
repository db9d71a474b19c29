/**
 * The policy facts Custodian enforces, in one place. The AUP version a person must confirm before being issued
 * equipment (AUP 1.1) and how long annual security training stays valid (AUP 1.8).
 */
export const CURRENT_AUP_VERSION = '2024.1';

/** Annual: training completed more than this many days before today has lapsed. */
export const TRAINING_VALIDITY_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date (YYYY-MM-DD) plus the validity period, compared with "now" (an ISO timestamp). */
export function trainingLapsed(completedOn: string | null, nowIso: string): boolean {
  if (completedOn === null) return true;
  const completed = Date.parse(`${completedOn}T00:00:00Z`);
  return Date.parse(nowIso) - completed > TRAINING_VALIDITY_DAYS * DAY_MS;
}
