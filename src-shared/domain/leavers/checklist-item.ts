import { ASSET_TYPES, type AssetType } from '../asset';
import { EXIT_STEPS, type ExitStep } from './exit-steps';
import { RESOLVED_ITEM_STATES, type ItemState } from './item-lifecycle';

/**
 * The items of a leaver's checklist as the domain reasons about them: one per piece of equipment they held when the case
 * opened or were issued since, and one per exit step. The store's tables (next increment) hold the same facts; the
 * history of an item (marked missing, then returned) lives in the audit events, so an item carries only its latest
 * resolution.
 */

export interface PersonRef {
  readonly personId: string;
  readonly name: string;
}

export const RETURN_CONDITIONS = {
  good: 'Good working order',
  damaged: 'Damaged',
  faulty: 'Faulty',
  incomplete: 'Incomplete (parts missing, such as the charger)',
} as const;

export type ReturnCondition = keyof typeof RETURN_CONDITIONS;

export const RETURN_CONDITION_VALUES = Object.keys(RETURN_CONDITIONS) as [ReturnCondition, ...ReturnCondition[]];

export type AssetResolution =
  | {
      readonly kind: 'returned';
      readonly condition: ReturnCondition;
      /** What is wrong with it: required unless it came back in good working order, so the desk knows what to check. */
      readonly conditionNote: string | null;
      /** Who took it in: not necessarily whoever records it (a colleague at another office may receive it). */
      readonly receivedBy: PersonRef;
    }
  | { readonly kind: 'transferred'; readonly successor: PersonRef }
  | {
      readonly kind: 'missing';
      /** The amount to recover, whole pence, always positive. */
      readonly valuePence: number;
      /** The register's purchase value, or a value the manager stated (replacement cost, no value on record). */
      readonly valueSource: 'register' | 'stated';
      readonly note: string | null;
    }
  | { readonly kind: 'written_off'; readonly reason: string };

export type StepResolution = { readonly kind: 'done'; readonly note: string | null } | { readonly kind: 'not_applicable'; readonly reason: string };

interface ItemStamp {
  /** Always the resolution's kind, or outstanding when there is none (kept as its own column for the transition table). */
  readonly state: ItemState;
  readonly stateSetBy: string | null;
  readonly stateSetByName: string | null;
  readonly stateSetAt: string;
  readonly addedAt: string;
  /**
   * 1 for the first item about this asset (or step) on the case, 2 for the next, and so on. An asset handed back during
   * the notice period and then issued to the leaver again gets a second item, because the first one truthfully records
   * its return; without it the re-issued asset would be on no outstanding item and the case could be signed off with the
   * leaver still holding it. Commands act on an asset's latest item.
   */
  readonly occurrence: number;
}

export interface AssetItem extends ItemStamp {
  readonly kind: 'asset';
  readonly assetId: string;
  readonly assetTag: string;
  readonly assetType: AssetType;
  readonly model: string;
  /** The register's purchase value when the item was added: the default amount to recover if it goes missing. */
  readonly valuePence: number | null;
  /** Held when the case opened, or issued while it was open (added by asset.issue). */
  readonly origin: 'held_at_opening' | 'issued_during_case';
  readonly resolution: AssetResolution | null;
}

export interface StepItem extends ItemStamp {
  readonly kind: 'step';
  readonly step: ExitStep;
  /** The smartcard or token a cancel step is for; null for every other step. */
  readonly assetId: string | null;
  readonly assetTag: string | null;
  readonly resolution: StepResolution | null;
}

export type ChecklistItem = AssetItem | StepItem;

/**
 * An item's natural key within its case: "asset:<id>", "step:revoke_access", "step:cancel_credential:<id>", with "#2"
 * and so on for a later occurrence. Items are made by the same mutator code on the desktop and the server, so a key both
 * derive is what identifies an item within its case (the tables may add their own ids).
 */
export function itemKey(item: ChecklistItem): string {
  const base = item.kind === 'asset' ? `asset:${item.assetId}` : item.assetId === null ? `step:${item.step}` : `step:${item.step}:${item.assetId}`;
  return item.occurrence === 1 ? base : `${base}#${String(item.occurrence)}`;
}

/** The item a command about `assetId` acts on: its latest occurrence on the case. */
export function latestAssetItem(items: readonly ChecklistItem[], assetId: string): AssetItem | undefined {
  return items.reduce<AssetItem | undefined>(
    (latest, item) => (item.kind === 'asset' && item.assetId === assetId && (latest === undefined || item.occurrence > latest.occurrence) ? item : latest),
    undefined,
  );
}

/** The step item a command about `step` (and, for a cancel step, its credential) acts on: its latest occurrence. */
export function latestStepItem(items: readonly ChecklistItem[], step: ExitStep, assetId: string | null): StepItem | undefined {
  return items.reduce<StepItem | undefined>(
    (latest, item) =>
      item.kind === 'step' && item.step === step && item.assetId === assetId && (latest === undefined || item.occurrence > latest.occurrence) ? item : latest,
    undefined,
  );
}

/** How refusals and lists name an item: "LT-0042 (Laptop)", "“Return building pass”", "“Cancel smartcard or token” for SC-0007". */
export function describeItem(item: ChecklistItem): string {
  if (item.kind === 'asset') return `${item.assetTag} (${ASSET_TYPES[item.assetType]})`;
  const label = `“${EXIT_STEPS[item.step].label}”`;
  return item.assetTag === null ? label : `${label} for ${item.assetTag}`;
}

export function isResolved(item: ChecklistItem): boolean {
  return RESOLVED_ITEM_STATES.includes(item.state);
}
