import { describeMoment } from '../asset-lifecycle';
import type { TravelMutatorName } from './travel-mutators';
import type { TripType } from './trip';

/**
 * The trip lifecycle: the only way a trip's status changes. Each command is applied by one intent-level mutator (the
 * `mutator` column); a command not allowed from the current status is refused, naming that status, who set it and
 * when. Completed, rejected, withdrawn and cancelled are final.
 *
 *   personal: noted ─withdraw─▶ withdrawn
 *
 *   official: submitted ─approveAsManager─▶ approved                       (line manager only)
 *             submitted ─approveAsManager─▶ manager_approved ─approveAsSecurity─▶ approved   (security review)
 *             approved ─recordDeparture─▶ travelling ─confirmDeviceReturned (last) / recordReturn─▶ completed
 *             submitted, manager_approved ─reject─▶ rejected
 *             anything before travel ─withdraw (traveller)─▶ withdrawn
 *             approved, re_review_required ─cancel (line manager, security)─▶ cancelled
 *             submitted, manager_approved, approved ─flagForReReview─▶ re_review_required ─resubmit─▶ submitted
 *
 * A personal trip never departs in Custodian's eyes: no device goes with it, so there is nothing to bring back; it
 * stays noted, and lists read its dates to show who is abroad.
 */
export const TRIP_STATUSES = {
  noted: 'Noted (personal trip)',
  submitted: 'Waiting for line manager approval',
  manager_approved: 'Waiting for security review',
  approved: 'Approved',
  re_review_required: 'Re-review needed after a policy change',
  travelling: 'Travelling',
  completed: 'Completed',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
} as const;

export type TripStatus = keyof typeof TRIP_STATUSES;

export const TRIP_STATUS_VALUES = Object.keys(TRIP_STATUSES) as [TripStatus, ...TripStatus[]];

export const FINAL_TRIP_STATUSES: readonly TripStatus[] = ['completed', 'rejected', 'withdrawn', 'cancelled'];

/** Statuses in which nobody has left yet: the traveller may still withdraw. */
const BEFORE_TRAVEL: readonly TripStatus[] = ['noted', 'submitted', 'manager_approved', 'approved', 're_review_required'];

/**
 * Who may take each step, as the domain sees it (how far a line manager reaches over the hierarchy is the
 * authorisation module's):
 *   traveller    – the person the trip is for;
 *   line_manager – someone holding the line manager role who is not the traveller;
 *   security     – someone holding the security role who is not the traveller.
 */
export type TravelParty = 'traveller' | 'line_manager' | 'security';

interface TripTransition {
  readonly from: readonly TripStatus[];
  /** More than one target when the route decides (the last device back completes the trip). */
  readonly to: readonly TripStatus[];
  readonly verb: string;
  readonly by: readonly TravelParty[];
  /** The mutator that applies it: intent-level names, never "set status". */
  readonly mutator: TravelMutatorName;
}

export const TRIP_TRANSITIONS = {
  approveAsManager: {
    from: ['submitted'],
    to: ['manager_approved', 'approved'],
    verb: 'give line manager approval to',
    by: ['line_manager'],
    mutator: 'travel.approveAsManager',
  },
  approveAsSecurity: {
    from: ['manager_approved'],
    to: ['approved'],
    verb: 'give security approval to',
    by: ['security'],
    mutator: 'travel.approveAsSecurity',
  },
  // The manager's stage may be rejected by the manager or by security (no point waiting for a manager to approve a
  // trip security will refuse); the security stage only by security.
  reject: { from: ['submitted', 'manager_approved'], to: ['rejected'], verb: 'reject', by: ['line_manager', 'security'], mutator: 'travel.reject' },
  withdraw: { from: BEFORE_TRAVEL, to: ['withdrawn'], verb: 'withdraw', by: ['traveller'], mutator: 'travel.withdraw' },
  // Calling off an approved trip is the department's decision (a new travel ban, the business need gone); the traveller
  // who no longer wants to go withdraws instead.
  cancel: { from: ['approved', 're_review_required'], to: ['cancelled'], verb: 'cancel', by: ['line_manager', 'security'], mutator: 'travel.cancel' },
  // Applied by the policy change that tightened a country on the trip, in the same mutation.
  flagForReReview: {
    from: ['submitted', 'manager_approved', 'approved'],
    to: ['re_review_required'],
    verb: 'flag for re-review',
    by: ['security'],
    mutator: 'countryPolicy.change',
  },
  resubmit: { from: ['re_review_required'], to: ['submitted'], verb: 'resubmit', by: ['traveller'], mutator: 'travel.resubmit' },
  recordDeparture: {
    from: ['approved'],
    to: ['travelling'],
    verb: 'record the departure of',
    by: ['traveller', 'line_manager'],
    mutator: 'travel.recordDeparture',
  },
  confirmDeviceReturned: {
    from: ['travelling'],
    to: ['travelling', 'completed'],
    verb: 'confirm a device back from',
    by: ['traveller', 'line_manager'],
    mutator: 'travel.confirmDeviceReturned',
  },
  // For a trip that took no device: nothing to confirm, so the traveller or manager records that it is over.
  recordReturn: { from: ['travelling'], to: ['completed'], verb: 'record the return from', by: ['traveller', 'line_manager'], mutator: 'travel.recordReturn' },
} as const satisfies Record<string, TripTransition>;

export type TripCommand = keyof typeof TRIP_TRANSITIONS;

export const TRIP_COMMANDS = Object.keys(TRIP_TRANSITIONS) as [TripCommand, ...TripCommand[]];

/** Commands that only happen as part of another mutation, never offered on the trip page on their own. */
export const SYSTEM_ONLY_TRIP_COMMANDS: readonly TripCommand[] = ['flagForReReview'];

/** A personal trip needs no approval, so it starts noted; an official one waits for its line manager. */
export function initialTripStatus(type: TripType): TripStatus {
  return type === 'personal' ? 'noted' : 'submitted';
}

export function canApplyTrip(command: TripCommand, status: TripStatus): boolean {
  return (TRIP_TRANSITIONS[command].from as readonly TripStatus[]).includes(status);
}

/** The commands a person could take on a trip in `status` (what the trip page offers, before who may). */
export function tripCommandsFrom(status: TripStatus): TripCommand[] {
  return TRIP_COMMANDS.filter((command) => canApplyTrip(command, status) && !SYSTEM_ONLY_TRIP_COMMANDS.includes(command));
}

export interface TripStatusStamp {
  /** "the trip to France (10 Mar 2026 to 20 Mar 2026)" (describeTrip). */
  readonly trip: string;
  readonly status: TripStatus;
  /** Display name of who set the status, or null when set before anyone signed in on this desktop. */
  readonly setByName: string | null;
  readonly setAt: string;
}

/** "Cannot withdraw the trip to France (…): its status is “Travelling” (set by Jo Bloggs on 15 Mar 2026 at 14:02)". */
export function tripRefusalMessage(command: TripCommand, stamp: TripStatusStamp): string {
  const who = stamp.setByName === null ? 'on this desktop' : `by ${stamp.setByName}`;
  const final = FINAL_TRIP_STATUSES.includes(stamp.status) ? ', which is final' : '';
  return `Cannot ${TRIP_TRANSITIONS[command].verb} ${stamp.trip}: its status is “${TRIP_STATUSES[stamp.status]}”${final} (set ${who} on ${describeMoment(stamp.setAt)})`;
}
