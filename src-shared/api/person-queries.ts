import { z } from 'zod';
import { recordId } from '../domain/fields';
import type { PersonRow } from '../domain/person';
import type { AssetListRow } from './asset-queries';
import { searchText } from './asset-queries';

export const personSearchInput = z.strictObject({
  query: searchText,
  limit: z.number().int().min(1).max(50).default(10),
});

export interface PersonSummary {
  readonly id: string;
  readonly staffNumber: string;
  readonly name: string;
  readonly email: string;
  readonly status: PersonRow['status'];
}

export const personGetInput = z.strictObject({ id: recordId('person') });

/** AUP 1.1: has this person confirmed the version in force? */
export interface AupStatus {
  readonly currentVersion: string;
  readonly acknowledgedVersion: string | null;
  readonly acknowledgedAt: string | null;
  readonly upToDate: boolean;
}

export interface PersonDetail {
  readonly person: PersonRow;
  readonly lineManager: PersonSummary | null;
  readonly reports: readonly PersonSummary[];
  readonly holdings: readonly AssetListRow[];
  readonly aup: AupStatus;
  /** AUP 1.8: annual security training is out of date (or never recorded). */
  readonly trainingLapsed: boolean;
}
