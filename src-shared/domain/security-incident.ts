import { z } from 'zod';
import type { AssetType } from './asset';
import { isCalendarDate } from './calendar-date';
import { identifierCode, optionalText, recordId, requiredText } from './fields';
import type { LossKind } from './loss-report';

/**
 * The security incident a loss, theft or damage report opens (AUP 8.2): one per asset at a time, however many people
 * report it. It is open until closed with an outcome; closed is final.
 */
export const INCIDENT_STATUSES = { open: 'Open', closed: 'Closed' } as const;

export type IncidentStatus = keyof typeof INCIDENT_STATUSES;

export const INCIDENT_OUTCOMES = {
  recovered: 'Recovered',
  replaced: 'Replaced',
  written_off: 'Written off',
} as const;

export type IncidentOutcome = keyof typeof INCIDENT_OUTCOMES;

/** Where a recovered asset goes: back into stock, or to repair. */
export const RECOVERED_TO = { in_stock: 'Back into stock', in_repair: 'To repair' } as const;

export type RecoveredTo = keyof typeof RECOVERED_TO;

/** AUP 8.4: whether the cost is to be recovered from the holder (the loss was their fault). */
export type CostRecovery = 'yes' | 'no';

export interface SecurityIncidentRow {
  readonly id: string;
  /** Human-readable and unique across every desktop (incident-reference.ts). */
  readonly reference: string;
  readonly assetId: string;
  /** The asset's tag and type when reported, so the record reads the same on a desktop that no longer holds the asset. */
  readonly assetTag: string;
  readonly assetType: AssetType;
  /** The asset's id while the incident is open, null once closed: unique, so an asset has at most one open incident. */
  readonly openAssetId: string | null;
  /** Who held the asset when it was first reported: whom the incident is about. */
  readonly personId: string | null;
  /** That person's line manager then (AUP 8.2: the report goes to them): whose queue it is in. */
  readonly lineManagerId: string | null;
  /** What the first report said happened, and when. */
  readonly kind: LossKind;
  readonly occurredOn: string;
  readonly status: IncidentStatus;
  readonly openedAt: string;
  readonly openedBy: string | null;
  readonly outcome: IncidentOutcome | null;
  readonly recoveredOn: string | null;
  readonly recoveredTo: RecoveredTo | null;
  readonly replacementAssetId: string | null;
  readonly writeOffValuePence: number | null;
  readonly writeOffReason: string | null;
  readonly costRecovery: CostRecovery | null;
  readonly closeNote: string | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly updatedAt: string;
}

export const CLOSE_TEXT_MAX = { writeOffReason: 1000, note: 1000 } as const;

interface CloseCommon {
  readonly incidentId: string;
  readonly costRecovery: CostRecovery;
  readonly note: string | null;
}

/** What `incident.close` runs with: each outcome with what it needs, and only that. */
export type IncidentCloseArgs = CloseCommon &
  (
    | { readonly outcome: 'recovered'; readonly recoveredOn: string; readonly recoveredTo: RecoveredTo }
    | { readonly outcome: 'replaced'; readonly replacementAssetTag: string }
    | { readonly outcome: 'written_off'; readonly writeOffValuePence: number; readonly writeOffReason: string }
  );

/** The fields only some outcomes take, and what to say when the chosen outcome needs one and it is missing. */
const OUTCOME_FIELDS = {
  recovered: { recoveredOn: 'Enter the date it was recovered', recoveredTo: 'Select where the recovered equipment goes' },
  replaced: { replacementAssetTag: 'Enter the asset tag of the replacement' },
  written_off: { writeOffValuePence: 'Enter the value written off, in pounds and pence', writeOffReason: 'Enter the reason for writing it off' },
} as const satisfies Record<IncidentOutcome, Record<string, string>>;

/**
 * One strict object, not a union, so that every problem is reported at once (no outcome chosen and no cost recovery
 * answer are both named, as a GOV.UK error summary lists them) and an unknown field is named; then the chosen outcome's
 * own fields are required and the others refused.
 */
const closeFields = z
  .strictObject({
    incidentId: recordId('incident'),
    outcome: z.enum(['recovered', 'replaced', 'written_off'], { error: 'Select the outcome' }),
    costRecovery: z.enum(['yes', 'no'], { error: 'Select whether the cost should be recovered from the holder' }),
    note: optionalText({ label: 'note', max: CLOSE_TEXT_MAX.note }),
    recoveredOn: z
      .string({ error: 'Enter the date it was recovered' })
      .max(10, { error: 'The date it was recovered must be a real date' })
      .refine(isCalendarDate, { error: 'The date it was recovered must be a real date' })
      .optional(),
    recoveredTo: z.enum(['in_stock', 'in_repair'], { error: 'Select where the recovered equipment goes' }).optional(),
    replacementAssetTag: identifierCode({ label: 'asset tag of the replacement', max: 32 }).optional(),
    writeOffValuePence: z
      .number({ error: 'Enter the value written off, in pounds and pence' })
      .int({ error: 'The value written off must be a whole number of pence' })
      .min(0, { error: 'The value written off cannot be negative' })
      .max(100_000_000, { error: 'The value written off must be £1,000,000 or less' })
      .optional(),
    writeOffReason: requiredText({ label: 'reason for writing it off', max: CLOSE_TEXT_MAX.writeOffReason }).optional(),
  })
  .superRefine((value, ctx) => {
    for (const [outcome, fields] of Object.entries(OUTCOME_FIELDS)) {
      for (const [field, missing] of Object.entries(fields)) {
        const given = value[field as keyof typeof value] !== undefined;
        if (outcome === value.outcome && !given) ctx.addIssue({ code: 'custom', path: [field], message: missing });
        if (outcome !== value.outcome && given) {
          ctx.addIssue({ code: 'custom', path: [field], message: `Leave this out: the outcome is ${INCIDENT_OUTCOMES[value.outcome].toLowerCase()}` });
        }
      }
    }
  });

export const incidentCloseArgs = closeFields.transform((value): IncidentCloseArgs => {
  const common = { incidentId: value.incidentId, costRecovery: value.costRecovery, note: value.note };
  switch (value.outcome) {
    case 'recovered':
      return { ...common, outcome: 'recovered', recoveredOn: value.recoveredOn ?? '', recoveredTo: value.recoveredTo ?? 'in_stock' };
    case 'replaced':
      return { ...common, outcome: 'replaced', replacementAssetTag: value.replacementAssetTag ?? '' };
    case 'written_off':
      return { ...common, outcome: 'written_off', writeOffValuePence: value.writeOffValuePence ?? 0, writeOffReason: value.writeOffReason ?? '' };
  }
});
