import { z } from 'zod';
import type { AssetCommand } from './asset-lifecycle';
import { isCalendarDate } from './calendar-date';
import { optionalText, recordId, requiredText } from './fields';

/**
 * A report of lost, stolen or damaged equipment (AUP 8.2). One report is one person's account of what happened; the
 * security incident it opens (or joins, when the asset already has an open one) is the record the security team works.
 */
export const LOSS_KINDS = {
  lost: 'Lost',
  stolen: 'Stolen',
  damaged: 'Damaged',
} as const;

export type LossKind = keyof typeof LOSS_KINDS;

export const LOSS_KIND_VALUES = Object.keys(LOSS_KINDS) as [LossKind, ...LossKind[]];

/** The asset lifecycle command each kind of report applies: a report moves the asset only through the state machine. */
export const LOSS_COMMANDS: Readonly<Record<LossKind, AssetCommand>> = {
  lost: 'markLost',
  stolen: 'markStolen',
  damaged: 'markDamaged',
};

/** Whether the device was left logged in or unlocked: it decides how urgent a remote wipe is. */
export const UNLOCKED_ANSWERS = {
  yes: 'Yes',
  no: 'No',
  not_sure: 'Not sure',
} as const;

export type UnlockedAnswer = keyof typeof UNLOCKED_ANSWERS;

const unlockedValues = Object.keys(UNLOCKED_ANSWERS) as [UnlockedAnswer, ...UnlockedAnswer[]];

export const REPORT_TEXT_MAX = { location: 200, circumstances: 2000, policeReference: 40, policeNotReportedReason: 500 } as const;

const reportFields = {
  kind: z.enum(LOSS_KIND_VALUES, { error: 'Select whether the equipment was lost, stolen or damaged' }),
  occurredOn: z
    .string({ error: 'Enter the date it happened' })
    .min(1, { error: 'Enter the date it happened' })
    .max(10, { error: 'The date it happened must be a real date' })
    .refine(isCalendarDate, { error: 'The date it happened must be a real date' }),
  location: requiredText({ label: 'place where it happened', max: REPORT_TEXT_MAX.location }),
  circumstances: requiredText({ label: 'circumstances', max: REPORT_TEXT_MAX.circumstances }),
  policeReference: optionalText({ label: 'police crime reference number', max: REPORT_TEXT_MAX.policeReference }),
  policeNotReportedReason: optionalText({ label: 'reason', max: REPORT_TEXT_MAX.policeNotReportedReason }),
  deviceUnlocked: z.enum(unlockedValues, { error: 'Select whether the device was left logged in or unlocked' }),
};

export const THEFT_NEEDS_POLICE = 'Enter the police crime reference number, or say why the theft has not been reported to the police yet';

/** A theft is reported to the police; until it has been, the report says why not. */
function theftNeedsPolice(value: { kind: LossKind; policeReference: string | null; policeNotReportedReason: string | null }, ctx: z.RefinementCtx): void {
  if (value.kind !== 'stolen' || value.policeReference !== null || value.policeNotReportedReason !== null) return;
  ctx.addIssue({ code: 'custom', path: ['policeReference'], message: THEFT_NEEDS_POLICE });
}

/** What the report form collects (the asset comes from the page it is made on). */
export const lossReportFormSchema = z.strictObject(reportFields).superRefine(theftNeedsPolice);

/** `asset.reportLoss`'s arguments: the client-made report id, so the desktop can find its report again after sync. */
export const assetReportLossArgs = z
  .strictObject({ id: recordId('report'), assetId: recordId('asset'), ...reportFields })
  .superRefine(theftNeedsPolice);

export type AssetReportLossArgs = z.output<typeof assetReportLossArgs>;

export interface LossReportRow {
  readonly id: string;
  readonly incidentId: string;
  readonly assetId: string;
  /** Who held the asset when it was reported (the incident's person): whom the report is about. */
  readonly personId: string | null;
  readonly kind: LossKind;
  readonly occurredOn: string;
  readonly location: string;
  readonly circumstances: string;
  readonly policeReference: string | null;
  readonly policeNotReportedReason: string | null;
  readonly deviceUnlocked: UnlockedAnswer;
  /** The account that made the report; null before sign-in exists on the desktop. */
  readonly reportedBy: string | null;
  readonly clientId: string;
  readonly reportedAt: string;
}
