import { describe, expect, it } from 'vitest';
import { benchSyncApply, generateSyncRows } from '../../../../src-main/tools/bench/sync-apply';

/** The benchmark helper works end to end at a tiny scale (its figures are for `npm run bench`, never asserted here). */
describe('sync apply benchmark helper', () => {
  it('generates a department as server rows and measures a first sync beside raw inserts of the same rows', async () => {
    const rows = generateSyncRows({ people: 40, assets: 60, levels: 3, seed: 7 }, '2026-11-23T09:00:00.000Z');
    expect(rows.people).toHaveLength(40);
    expect(rows.assets).toHaveLength(60);
    expect(rows.assets.some((asset) => asset.status === 'issued' && asset.holderId !== null)).toBe(true);
    expect(rows.assets.every((asset) => (asset.status === 'issued') === (asset.holderId !== null))).toBe(true);
    const result = await benchSyncApply(rows, { pageRows: 30 });
    expect(result).toMatchObject({ rows: 100, pageRows: 30, pages: 4 });
    expect(result.applyRowsPerSecond).toBeGreaterThan(0);
    expect(result.rawInsertRowsPerSecond).toBeGreaterThan(0);
    expect(result.applyVsRawRatio).toBeGreaterThan(0);
  });
});
