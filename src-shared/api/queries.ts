import { z } from 'zod';
import type { AssetRow } from '../domain/asset';
import type { PersonRow } from '../domain/person';

export const pageInput = z.strictObject({
  limit: z
    .number({ error: 'Limit must be a number' })
    .int({ error: 'Limit must be a whole number' })
    .min(1, { error: 'Limit must be at least 1' })
    .max(1000, { error: 'Limit must be 1000 or fewer' })
    .default(200),
  offset: z
    .number({ error: 'Offset must be a number' })
    .int({ error: 'Offset must be a whole number' })
    .min(0, { error: 'Offset must be 0 or more' })
    .default(0),
});

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface PersonListItem extends PersonRow {
  readonly lineManagerName: string | null;
}

export type AssetListItem = AssetRow;

/** What the app reports about itself: lets the UI explain a store that could not be opened instead of failing blind. */
export interface AppInfo {
  readonly version: string;
  readonly shell: 'electron' | 'web';
  readonly dataDir: string;
  readonly store: { readonly ok: true } | { readonly ok: false; readonly message: string };
}

export interface MutationReceipt {
  /** The gap-free, per-installation id under which the change waits in the outbox to be pushed. */
  readonly mutationId: number;
}
