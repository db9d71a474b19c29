import { describe, expect, it } from 'vitest';
import { migrateTo, storeAtVersion } from '../../../support/migrations';

/** Version 8 rebuilds the asset search index with 4-character prefixes, from the assets themselves. */
describe('migration 0008: asset search keeps 4-character prefixes', () => {
  it('indexes every existing asset (holder names included) from the assets alone', () => {
    const db = storeAtVersion(7);
    db.prepare("INSERT INTO people (id, staff_number, name, email, created_at, updated_at) VALUES ('p-1', 'S1', 'Ada Lovelace', 'ada@example.gov.uk', 't', 't')").run();
    const insert = db.prepare(
      `INSERT INTO assets (id, asset_tag, serial_number, type, model, status, holder_id, holder_name, status_changed_at, created_at, updated_at)
       VALUES (?, ?, ?, 'laptop', 'Lenovo T14', ?, ?, ?, 't', 't', 't')`,
    );
    insert.run('a-1', 'LT-0001', 'PF3XK9', 'issued', 'p-1', 'Ada Lovelace');
    insert.run('a-2', 'LT-0002', 'PF3ZZ1', 'in_stock', null, null);
    // Before version 8 the store's writes kept the index (search-index.ts); this store's index is empty on purpose.
    migrateTo(db, 8);
    const hits = (query: string) =>
      (db.prepare('SELECT a.id FROM asset_search s JOIN assets a ON a.rowid = s.rowid WHERE asset_search MATCH ? ORDER BY a.id').all(query) as { id: string }[]).map(
        (row) => row.id,
      );
    expect(hits('"LT-0"*')).toEqual(['a-1', 'a-2']);
    expect(hits('"PF3X"*')).toEqual(['a-1']);
    expect(hits('"Lovel"*')).toEqual(['a-1']);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'asset_search'").get()).toEqual({ sql: expect.stringContaining("prefix = '1 2 3 4'") as unknown });
  });
});
