import { describeMoment } from './asset-lifecycle';

/**
 * AUP 8.2: a lost, stolen or damaged work phone is suspended. Reporting one creates a suspension request; the IT
 * service desk works it through this state machine, each step stamped with who took it and when:
 *
 *   requested ─suspend─▶ suspended ─reinstate─▶ reinstated (final)
 *       │                   │
 *       └──requestWipe──────┴─▶ wipe_requested ─confirmWipe─▶ wipe_confirmed ─reinstate─▶ reinstated
 *
 * A wipe can be asked for before the carrier has suspended the line (a phone left unlocked cannot wait), and a wiped
 * phone that turns up can have its line reinstated. Reinstated is final: a later loss is a new report.
 */
export const SUSPENSION_STATUSES = {
  requested: 'Suspension requested',
  suspended: 'Suspended',
  wipe_requested: 'Remote wipe requested',
  wipe_confirmed: 'Remote wipe confirmed',
  reinstated: 'Reinstated',
} as const;

export type SuspensionStatus = keyof typeof SUSPENSION_STATUSES;

export const SUSPENSION_STATUS_VALUES = Object.keys(SUSPENSION_STATUSES) as [SuspensionStatus, ...SuspensionStatus[]];

export const FINAL_SUSPENSION_STATUSES: readonly SuspensionStatus[] = ['reinstated'];

export const SUSPENSION_STEPS = {
  suspend: { from: ['requested'], to: 'suspended', verb: 'record the suspension of' },
  requestWipe: { from: ['requested', 'suspended'], to: 'wipe_requested', verb: 'request a remote wipe of' },
  confirmWipe: { from: ['wipe_requested'], to: 'wipe_confirmed', verb: 'confirm the remote wipe of' },
  reinstate: { from: ['suspended', 'wipe_confirmed'], to: 'reinstated', verb: 'reinstate' },
} as const satisfies Record<string, { from: readonly SuspensionStatus[]; to: SuspensionStatus; verb: string }>;

export type SuspensionStep = keyof typeof SUSPENSION_STEPS;

export const SUSPENSION_STEP_VALUES = Object.keys(SUSPENSION_STEPS) as [SuspensionStep, ...SuspensionStep[]];

export function canTakeStep(step: SuspensionStep, status: SuspensionStatus): boolean {
  return (SUSPENSION_STEPS[step].from as readonly SuspensionStatus[]).includes(status);
}

/** The steps the desk could take from `status` (what the incident page offers). */
export function stepsFrom(status: SuspensionStatus): SuspensionStep[] {
  return SUSPENSION_STEP_VALUES.filter((step) => canTakeStep(step, status));
}

/** "Cannot reinstate PH-0001's line: it is suspension requested (set by Jo Bloggs on 15 Mar 2026 at 14:02)". */
export function suspensionRefusal(step: SuspensionStep, stamp: { assetTag: string; status: SuspensionStatus; setByName: string | null; setAt: string }): string {
  const who = stamp.setByName === null ? 'on this desktop' : `by ${stamp.setByName}`;
  const final = FINAL_SUSPENSION_STATUSES.includes(stamp.status) ? ', which is final' : '';
  return `Cannot ${SUSPENSION_STEPS[step].verb} ${stamp.assetTag}: its suspension is at “${SUSPENSION_STATUSES[stamp.status].toLowerCase()}”${final} (set ${who} on ${describeMoment(stamp.setAt)})`;
}

/** How long a phone may go unsuspended after it is reported before the security team's list highlights it. */
export const SUSPENSION_DEADLINE_HOURS = 24;

const HOUR_MS = 60 * 60 * 1000;

/**
 * A phone reported more than 24 hours ago whose line has still not been suspended, on an incident still open. Wiping
 * it is not suspending it: the number can still be used, so a wiped but unsuspended phone stays highlighted.
 */
export function suspensionOverdue(
  suspension: { readonly suspendedAt: string | null; readonly status: SuspensionStatus; readonly requestedAt: string },
  incidentOpen: boolean,
  nowIso: string,
): boolean {
  if (!incidentOpen || suspension.suspendedAt !== null || suspension.status === 'reinstated') return false;
  return Date.parse(nowIso) - Date.parse(suspension.requestedAt) > SUSPENSION_DEADLINE_HOURS * HOUR_MS;
}

export interface PhoneSuspensionRow {
  readonly id: string;
  readonly incidentId: string;
  readonly assetId: string;
  /** The incident's person (who held the phone): whom the record is about. */
  readonly personId: string | null;
  readonly status: SuspensionStatus;
  readonly requestedAt: string;
  readonly requestedBy: string | null;
  /** The carrier's reference for the suspension, recorded with the suspend step. */
  readonly carrierReference: string | null;
  readonly suspendedAt: string | null;
  readonly suspendedBy: string | null;
  readonly wipeRequestedAt: string | null;
  readonly wipeRequestedBy: string | null;
  readonly wipeConfirmedAt: string | null;
  readonly wipeConfirmedBy: string | null;
  readonly reinstatedAt: string | null;
  readonly reinstatedBy: string | null;
  /** The last step: who took it and when (what a refusal names). */
  readonly statusChangedAt: string;
  readonly statusChangedBy: string | null;
}

/** The row fields each step stamps with its time and who took it. */
export const STEP_STAMPS = {
  suspend: { at: 'suspendedAt', by: 'suspendedBy' },
  requestWipe: { at: 'wipeRequestedAt', by: 'wipeRequestedBy' },
  confirmWipe: { at: 'wipeConfirmedAt', by: 'wipeConfirmedBy' },
  reinstate: { at: 'reinstatedAt', by: 'reinstatedBy' },
} as const satisfies Record<SuspensionStep, { at: keyof PhoneSuspensionRow; by: keyof PhoneSuspensionRow }>;
