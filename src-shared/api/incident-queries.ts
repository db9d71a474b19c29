import { z } from 'zod';
import type { AssetType } from '../domain/asset';
import { recordId } from '../domain/fields';
import type { IncidentEventRow } from '../domain/incident-event';
import type { LossKind, LossReportRow } from '../domain/loss-report';
import type { PhoneSuspensionRow, SuspensionStatus, SuspensionStep } from '../domain/phone-suspension';
import type { IncidentStatus, SecurityIncidentRow } from '../domain/security-incident';
import type { AssetListRow } from './asset-queries';
import type { Page } from './queries';

export const incidentListInput = z.strictObject({
  status: z.enum(['open', 'closed', 'all'], { error: 'Status must be open, closed or all' }).default('open'),
  /** A line manager's queue: incidents about their reports. */
  lineManagerId: recordId('line manager').optional(),
  assetId: recordId('asset').optional(),
  limit: z.number().int().min(1).max(1000, { error: 'Ask for at most 1000 incidents at a time' }).default(500),
});

export interface IncidentListItem {
  readonly id: string;
  readonly reference: string;
  readonly assetId: string;
  readonly assetTag: string;
  readonly assetType: AssetType;
  readonly kind: LossKind;
  readonly status: IncidentStatus;
  readonly occurredOn: string;
  readonly openedAt: string;
  readonly personId: string | null;
  readonly personName: string | null;
  readonly lineManagerId: string | null;
  readonly lineManagerName: string | null;
  readonly reportCount: number;
  readonly suspensionStatus: SuspensionStatus | null;
  /** Whole hours since the incident was opened, by the desktop's clock. */
  readonly ageHours: number;
  /** A phone reported more than 24 hours ago whose line is still not suspended (phone-suspension.ts). */
  readonly suspensionOverdue: boolean;
}

/** Oldest first: the longest-waiting incident is the one to look at. */
export type IncidentList = Page<IncidentListItem>;

/** By the incident's id, or by the id of one of its reports (a desktop's own report finds its incident after a sync). */
export const incidentGetInput = z
  .strictObject({ id: recordId('incident').optional(), reportId: recordId('report').optional() })
  .refine((input) => (input.id === undefined) !== (input.reportId === undefined), { error: 'Give an incident id or a report id, not both' })
  .transform((input): { id: string } | { reportId: string } => (input.id === undefined ? { reportId: input.reportId ?? '' } : { id: input.id }));

export interface IncidentReportEntry extends LossReportRow {
  readonly reporterName: string | null;
}

export interface IncidentTimelineEntry extends IncidentEventRow {
  readonly actorName: string | null;
}

export interface IncidentDetail {
  readonly incident: SecurityIncidentRow & {
    readonly personName: string | null;
    readonly lineManagerName: string | null;
    readonly closedByName: string | null;
    readonly replacementAssetTag: string | null;
  };
  /** The asset as this desktop holds it; null when it is out of this desktop's view (a lost asset leaves its holder). */
  readonly asset: AssetListRow | null;
  /** Oldest first: the first report opened the incident. */
  readonly reports: readonly IncidentReportEntry[];
  readonly suspension: PhoneSuspensionRow | null;
  /** The suspension steps the desk could take now. */
  readonly suspensionSteps: readonly SuspensionStep[];
  readonly suspensionOverdue: boolean;
  /** Newest first, as the asset history. */
  readonly timeline: readonly IncidentTimelineEntry[];
  readonly ageHours: number;
}

export const suspensionQueueInput = z.strictObject({
  limit: z.number().int().min(1).max(1000, { error: 'Ask for at most 1000 requests at a time' }).default(500),
});

export interface SuspensionQueueItem {
  readonly id: string;
  readonly status: SuspensionStatus;
  readonly requestedAt: string;
  readonly statusChangedAt: string;
  readonly carrierReference: string | null;
  readonly incidentId: string;
  readonly reference: string;
  readonly assetTag: string;
  readonly model: string | null;
  readonly phoneNumber: string | null;
  readonly imei: string | null;
  readonly personName: string | null;
  readonly ageHours: number;
  readonly overdue: boolean;
}

/** Waiting for the desk first (requested, wipe requested), oldest first. */
export type SuspensionQueue = Page<SuspensionQueueItem>;
