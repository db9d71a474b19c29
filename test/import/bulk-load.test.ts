import { describe, expect, it, vi } from 'vitest';
import type { ImportPlan } from '../../src-shared/import/preview';
import { importRows } from '../../src-main/import/import-rows';
import { shouldLoadInBulk } from '../../src-main/store/bulk-load';
import type { Store } from '../../src-main/store/open-store';
import { memoryStore } from '../support/store';
import { ASSET_HEADER, assetLine, count, csv, environment, preview } from './support';

vi.setConfig({ testTimeout: 60_000 });

const lines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => assetLine({ tag: `BL-${String(from + i)}`, serial: `SER${String(from + i)}X` }));

function indexes(store: Store): string[] {
  return (store.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { sql: string }[]).map((r) => r.sql);
}

function searchHits(store: Store, prefix: string): number {
  return (store.db.prepare('SELECT COUNT(*) AS n FROM asset_search WHERE asset_search MATCH ?').get(`"${prefix}"*`) as { n: number }).n;
}

async function plan(store: Store, n: number, from = 0): Promise<ImportPlan> {
  return (await preview(store, 'assets', csv(ASSET_HEADER, ...lines(n, from)))).plan;
}

describe('bulk load (an import that at least doubles the register)', () => {
  it('is chosen only when the new rows at least double the table', () => {
    expect([shouldLoadInBulk(0, 1), shouldLoadInBulk(100, 50), shouldLoadInBulk(100, 49), shouldLoadInBulk(10, 0)]).toEqual([true, true, false, false]);
  });

  it('leaves exactly the same indexes, and every imported row searchable, whichever way it ran', async () => {
    const store = memoryStore();
    const before = indexes(store);
    await importRows(environment(store), await plan(store, 1200)); // into an empty register: bulk
    expect(indexes(store)).toEqual(before);
    await importRows(environment(store), await plan(store, 10, 5000)); // 10 into 1,200: row by row
    expect(indexes(store)).toEqual(before);
    expect(count(store, 'assets')).toBe(1210);
    expect(searchHits(store, 'SER11')).toBe(111); // SER11, SER110–119, SER1100–1199
    expect(searchHits(store, 'SER500')).toBe(11); // SER500X from the first file, SER5000X–SER5009X from the second
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM asset_search").get()).toEqual({ n: 1210 });
    // The indexes are really there for the register's queries, not just named in the schema.
    expect(store.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('puts the indexes back and indexes nothing when the import fails part-way', async () => {
    const store = memoryStore();
    const before = indexes(store);
    const good = await plan(store, 1500);
    if (good.kind !== 'assets') throw new Error('expected assets');
    const rows = good.rows.map((row, index) => (index === 1400 ? { ...row, args: { ...row.args, assetTag: 'BL-0' } } : row));
    await expect(importRows(environment(store), { kind: 'assets', rows })).rejects.toThrow(/^Row 1402: Asset tag BL-0 is already used/);
    expect(indexes(store)).toEqual(before);
    expect(count(store, 'assets')).toBe(0);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM asset_search").get()).toEqual({ n: 0 });
    // And the next import (bulk again) works normally.
    await importRows(environment(store), good);
    expect(searchHits(store, 'SER1499')).toBe(1);
  });
});
