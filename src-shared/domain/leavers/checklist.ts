import { ASSET_TYPES, type AssetType } from '../asset';
import { latestAssetItem, latestStepItem, type AssetItem, type ChecklistItem, type PersonRef, type StepItem } from './checklist-item';
import { EXIT_STEP_VALUES, EXIT_STEPS, isCredential, type ExitStep } from './exit-steps';
import { FINAL_ITEM_STATES } from './item-lifecycle';
import type { LeaverCase } from './leaver-case';

/**
 * Builds a leaver's checklist, and the items a later issue adds to it. Pure: the mutator reads what the person holds
 * from its own store and hands it in, so the server's authoritative run builds the checklist from what the server knows
 * they hold at that moment, not from a desktop's possibly stale copy (the arguments never carry the list).
 */

/** What the register says about one asset the person holds (status issued, holder the person). */
export interface HeldAsset {
  readonly assetId: string;
  readonly assetTag: string;
  readonly type: AssetType;
  readonly model: string;
  readonly purchaseValuePence: number | null;
}

const TYPE_ORDER = Object.keys(ASSET_TYPES) as AssetType[];

/** Equipment in the order a service desk thinks of it (laptops first), then by tag, so every desktop shows one order. */
function byTypeThenTag(a: HeldAsset, b: HeldAsset): number {
  const type = TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
  if (type !== 0) return type;
  return a.assetTag < b.assetTag ? -1 : a.assetTag > b.assetTag ? 1 : 0;
}

function stamp(addedBy: PersonRef, at: string, occurrence: number) {
  return { state: 'outstanding', stateSetBy: addedBy.personId, stateSetByName: addedBy.name, stateSetAt: at, addedAt: at, occurrence } as const;
}

function assetItem(asset: HeldAsset, origin: AssetItem['origin'], addedBy: PersonRef, at: string, occurrence = 1): AssetItem {
  return {
    kind: 'asset',
    assetId: asset.assetId,
    assetTag: asset.assetTag,
    assetType: asset.type,
    model: asset.model,
    valuePence: asset.purchaseValuePence,
    origin,
    resolution: null,
    ...stamp(addedBy, at, occurrence),
  };
}

function stepItem(step: ExitStep, credential: HeldAsset | null, addedBy: PersonRef, at: string, occurrence = 1): StepItem {
  return {
    kind: 'step',
    step,
    assetId: credential?.assetId ?? null,
    assetTag: credential?.assetTag ?? null,
    resolution: null,
    ...stamp(addedBy, at, occurrence),
  };
}

/**
 * The checklist of a case opened now: an item for every asset the person holds (whatever its type: equipment not in the
 * register is covered by the "Return all equipment" step), then the exit steps, with one "Cancel smartcard or token"
 * step for each smartcard or network token among what they hold and none when they hold no such credential (a step
 * that is not applicable to most leavers trains managers to tick without reading). Everything starts outstanding,
 * stamped as added by whoever opened the case.
 */
export function buildChecklist(held: readonly HeldAsset[], addedBy: PersonRef, at: string): ChecklistItem[] {
  const assets = [...held].sort(byTypeThenTag);
  const items: ChecklistItem[] = assets.map((asset) => assetItem(asset, 'held_at_opening', addedBy, at));
  for (const step of EXIT_STEP_VALUES) {
    if (!EXIT_STEPS[step].perCredential) items.push(stepItem(step, null, addedBy, at));
    else for (const credential of assets.filter((asset) => isCredential(asset.type))) items.push(stepItem(step, credential, addedBy, at));
  }
  return items;
}

/** The next occurrence for an item whose latest one is `latest`, or null when the latest one still tracks it. */
function nextOccurrence(latest: ChecklistItem | undefined): number | null {
  if (latest === undefined) return 1;
  return FINAL_ITEM_STATES.includes(latest.state) ? latest.occurrence + 1 : null;
}

/**
 * The items `asset.issue` adds, in the same mutation, when it issues an asset to someone with an open case: the asset
 * itself, plus its cancel step when it is a smartcard or token. They go at the end of the list, in the order they
 * happened.
 *
 * Nothing is added when the case is not open (a signed-off case is final, and the issue mutator refuses to issue to
 * someone who has left), when the asset goes to someone else, or when an item on the case still tracks it (outstanding,
 * or missing: a replayed mutation). An asset whose item is already resolved for good (handed back during the notice
 * period, and now issued to the leaver again) gets a new occurrence: the old item stays true, and the new one keeps the
 * case from being signed off while they hold it.
 */
export function additionsForIssue(leaverCase: LeaverCase, asset: HeldAsset, issuedTo: string, issuedBy: PersonRef, at: string): ChecklistItem[] {
  if (leaverCase.status !== 'open' || issuedTo !== leaverCase.personId) return [];
  const additions: ChecklistItem[] = [];
  const assetOccurrence = nextOccurrence(latestAssetItem(leaverCase.items, asset.assetId));
  if (assetOccurrence !== null) additions.push(assetItem(asset, 'issued_during_case', issuedBy, at, assetOccurrence));
  if (isCredential(asset.type)) {
    const stepOccurrence = nextOccurrence(latestStepItem(leaverCase.items, 'cancel_credential', asset.assetId));
    if (stepOccurrence !== null) additions.push(stepItem('cancel_credential', asset, issuedBy, at, stepOccurrence));
  }
  return additions;
}
