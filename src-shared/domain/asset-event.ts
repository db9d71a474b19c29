import type { AssetCommand, AssetStatus } from './asset-lifecycle';

/** One entry in an asset's history timeline: created, or one lifecycle command. */
export interface AssetEventRow {
  readonly id: string;
  readonly assetId: string;
  readonly event: AssetCommand | 'create';
  readonly fromStatus: AssetStatus | null;
  readonly toStatus: AssetStatus;
  /** The holder after the event (issue), or before it (return, loss…): whose custody the event concerns. */
  readonly personId: string | null;
  readonly note: string | null;
  readonly actorId: string | null;
  readonly clientId: string;
  readonly at: string;
}
