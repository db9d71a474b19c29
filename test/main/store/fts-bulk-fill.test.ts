import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withoutFtsMerging } from '../../../src-main/store/fts-bulk-fill';
import { memoryStore } from '../../support/store';

/** FTS5 keeps 'automerge' in the table's config; absent means FTS5's default. */
function automerge(db: Database, table: 'asset_search' | 'people_search'): number | null {
  const row = db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).get() as { v: number } | undefined;
  return row?.v ?? null;
}

describe('withoutFtsMerging', () => {
  it('turns incremental merging off for the fill and back to FTS5 default afterwards', () => {
    const { db, close } = memoryStore();
    try {
      const during = withoutFtsMerging(db, ['asset_search', 'people_search'], () => [automerge(db, 'asset_search'), automerge(db, 'people_search')]);
      expect(during).toEqual([0, 0]);
      expect(automerge(db, 'asset_search')).toBe(4);
      expect(automerge(db, 'people_search')).toBe(4);
    } finally {
      close();
    }
  });

  it('restores merging when the fill fails, and the failure reaches the caller', () => {
    const { db, close } = memoryStore();
    try {
      expect(() =>
        withoutFtsMerging(db, ['asset_search'], () => {
          throw new Error('disk full');
        }),
      ).toThrow('disk full');
      expect(automerge(db, 'asset_search')).toBe(4);
    } finally {
      close();
    }
  });

  it('leaves rows filled with merging off findable by prefix', () => {
    const { db, close } = memoryStore();
    try {
      withoutFtsMerging(db, ['asset_search'], () => {
        const insert = db.prepare('INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name) VALUES (?, ?, ?, NULL, NULL, ?, NULL)');
        for (let n = 1; n <= 500; n += 1) insert.run(n, `LT-${String(n).padStart(5, '0')}`, `SN${String(n * 7)}`, 'Latitude 5440');
      });
      const hits = db.prepare(`SELECT rowid FROM asset_search WHERE asset_search MATCH '"LT-0004"*' ORDER BY rowid`).all() as { rowid: number }[];
      // LT-00040 … LT-00049.
      expect(hits.map((hit) => hit.rowid)).toEqual(Array.from({ length: 10 }, (_, i) => 40 + i));
    } finally {
      close();
    }
  });
});
