import type { Database } from 'better-sqlite3';
import type { Faker } from '@faker-js/faker';
import type { Dispatch } from '../../bridge/dispatch';
import { summarise, timed, type Summary } from './stats';

interface SampleAsset {
  readonly assetTag: string;
  readonly serialNumber: string;
  readonly imei: string | null;
  readonly holderName: string | null;
}

type Field = 'tag' | 'serial' | 'imei' | 'surname';

/** What people look an asset up by, in the proportions a service desk does: mostly the tag on the label. */
const FIELD_WEIGHTS: readonly { value: Field; weight: number }[] = [
  { value: 'tag', weight: 40 },
  { value: 'serial', weight: 20 },
  { value: 'imei', weight: 15 },
  { value: 'surname', weight: 25 },
];

function randomAsset(db: Database, faker: Faker, maxRowid: number): SampleAsset {
  for (;;) {
    const row = db
      .prepare(
        `SELECT a.asset_tag AS assetTag, a.serial_number AS serialNumber, a.imei, h.name AS holderName
           FROM assets a LEFT JOIN people h ON h.id = a.holder_id WHERE a.rowid = ?`,
      )
      .get(faker.number.int({ min: 1, max: maxRowid })) as SampleAsset | undefined;
    if (row) return row;
  }
}

/** The text a person would type to find this asset by `field`; falls back to the tag when the asset has no such value. */
function typedText(asset: SampleAsset, field: Field): string {
  if (field === 'serial') return asset.serialNumber;
  if (field === 'imei' && asset.imei !== null) return asset.imei;
  if (field === 'surname' && asset.holderName !== null) return asset.holderName.split(' ').at(-1) ?? asset.assetTag;
  return asset.assetTag;
}

/** As-you-type queries: every prefix of 1 to 6 characters, as each keystroke in the search box asks again. */
export function searchQueries(db: Database, faker: Faker, sessions: number): string[] {
  const maxRowid = (db.prepare('SELECT MAX(rowid) AS n FROM assets').get() as { n: number }).n;
  const queries: string[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const text = typedText(randomAsset(db, faker, maxRowid), faker.helpers.weightedArrayElement([...FIELD_WEIGHTS]));
    for (let length = 1; length <= Math.min(6, text.length); length += 1) queries.push(text.slice(0, length));
  }
  return queries;
}

export interface SearchResult {
  readonly overall: Summary;
  /** By number of characters typed: where the time goes. */
  readonly byLength: Readonly<Record<string, Summary>>;
}

/** Times asset.search through the handler table (validation, serial gate, query), as the shells call it. */
export async function benchSearch(dispatch: Dispatch, queries: readonly string[]): Promise<SearchResult> {
  for (const query of queries.slice(0, 50)) await dispatch('asset.search', { query, limit: 10 }); // warm statement cache and pages
  const byLength = new Map<number, number[]>();
  const all: number[] = [];
  for (const query of queries) {
    const { ms, value } = await timed(() => dispatch('asset.search', { query, limit: 10 }));
    if (!value.ok) throw new Error(`asset.search "${query}" failed: ${value.error.message}`);
    all.push(ms);
    byLength.set(query.length, [...(byLength.get(query.length) ?? []), ms]);
  }
  return {
    overall: summarise(all),
    byLength: Object.fromEntries(
      [...byLength.entries()].sort(([a], [b]) => a - b).map(([length, samples]) => [`${String(length)} chars`, summarise(samples)]),
    ),
  };
}
