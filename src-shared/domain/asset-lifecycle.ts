/**
 * The asset lifecycle: the only way an asset's status changes. Each command is an intent-level mutator
 * (`asset.issue`, `asset.markLost`, …); a command not allowed from the current status is refused, naming that status,
 * who set it and when. Retired and disposed are final.
 */
export const ASSET_STATUSES = {
  in_stock: 'In stock',
  issued: 'Issued',
  returned: 'Returned',
  lost: 'Lost',
  stolen: 'Stolen',
  damaged: 'Damaged',
  in_repair: 'In repair',
  retired: 'Retired',
  disposed: 'Disposed',
} as const;

export type AssetStatus = keyof typeof ASSET_STATUSES;

export const ASSET_STATUS_VALUES = Object.keys(ASSET_STATUSES) as [AssetStatus, ...AssetStatus[]];

export const FINAL_STATUSES: readonly AssetStatus[] = ['retired', 'disposed'];

/** Statuses from which an asset may leave service: anything not issued and not already final. */
const OUT_OF_SERVICE_FROM: readonly AssetStatus[] = ['in_stock', 'returned', 'lost', 'stolen', 'damaged', 'in_repair'];

export const ASSET_TRANSITIONS = {
  issue: { from: ['in_stock'], to: 'issued', verb: 'issue' },
  return: { from: ['issued'], to: 'returned', verb: 'return' },
  restock: { from: ['returned'], to: 'in_stock', verb: 'put back into stock' },
  markLost: { from: ['issued'], to: 'lost', verb: 'mark as lost' },
  markStolen: { from: ['issued'], to: 'stolen', verb: 'mark as stolen' },
  markDamaged: { from: ['issued'], to: 'damaged', verb: 'mark as damaged' },
  sendToRepair: { from: ['damaged'], to: 'in_repair', verb: 'send for repair' },
  completeRepair: { from: ['in_repair'], to: 'in_stock', verb: 'return from repair to stock' },
  // A lost, stolen or damaged asset comes back when its security incident is closed as recovered (incident.close):
  // into stock, or straight to repair. Not offered on the asset page: the incident records the recovery.
  recover: { from: ['lost', 'stolen', 'damaged'], to: 'in_stock', verb: 'record the recovery into stock of' },
  recoverForRepair: { from: ['lost', 'stolen', 'damaged'], to: 'in_repair', verb: 'record the recovery for repair of' },
  retire: { from: OUT_OF_SERVICE_FROM, to: 'retired', verb: 'retire' },
  dispose: { from: OUT_OF_SERVICE_FROM, to: 'disposed', verb: 'dispose of' },
} as const satisfies Record<string, { from: readonly AssetStatus[]; to: AssetStatus; verb: string }>;

export type AssetCommand = keyof typeof ASSET_TRANSITIONS;

export const ASSET_COMMANDS = Object.keys(ASSET_TRANSITIONS) as AssetCommand[];

/** Commands applied only as part of closing a security incident, never offered on their own. */
export const INCIDENT_ONLY_COMMANDS: readonly AssetCommand[] = ['recover', 'recoverForRepair'];

export function canApply(command: AssetCommand, status: AssetStatus): boolean {
  return (ASSET_TRANSITIONS[command].from as readonly AssetStatus[]).includes(status);
}

/** The commands a person could apply to an asset in `status` (what the asset page offers). */
export function commandsFrom(status: AssetStatus): AssetCommand[] {
  return ASSET_COMMANDS.filter((command) => canApply(command, status) && !INCIDENT_ONLY_COMMANDS.includes(command));
}

/** "15 Mar 2026 at 14:02" in UK time: how people read a moment in a refusal or a timeline. */
// Made once: building an Intl.DateTimeFormat costs ~40 µs, and refusals are written for every refused change of a push.
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });

export function describeMoment(iso: string): string {
  const date = new Date(iso);
  return `${DAY_FORMAT.format(date)} at ${TIME_FORMAT.format(date)}`;
}

export interface StatusStamp {
  readonly assetTag: string;
  readonly status: AssetStatus;
  /** Display name of who set the status, or null when it was set before anyone signed in on this desktop. */
  readonly setByName: string | null;
  readonly setAt: string;
}

/** "Cannot issue LT-0042: it is lost (set by Jo Bloggs on 15 Mar 2026 at 14:02)." */
export function refusalMessage(command: AssetCommand, stamp: StatusStamp): string {
  const transition = ASSET_TRANSITIONS[command];
  const who = stamp.setByName === null ? 'on this desktop' : `by ${stamp.setByName}`;
  const final = FINAL_STATUSES.includes(stamp.status) ? ', which is final' : '';
  return `Cannot ${transition.verb} ${stamp.assetTag}: it is ${ASSET_STATUSES[stamp.status].toLowerCase()}${final} (set ${who} on ${describeMoment(stamp.setAt)})`;
}
