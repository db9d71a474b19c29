import { describe, expect, it } from 'vitest';
import { migrateTo, storeAtVersion } from '../../../support/migrations';

/** Version 5 copies each holder's name onto the assets they hold; unheld assets have none. */
describe('migration 0005: asset holder name', () => {
  it('copies the holder’s name onto each issued asset, and leaves the rest without one', () => {
    const db = storeAtVersion(4);
    db.prepare("INSERT INTO people (id, staff_number, name, email, created_at, updated_at) VALUES ('p-1', 'S1', 'Ada Lovelace', 'ada@example.gov.uk', 't', 't')").run();
    const insert = db.prepare(
      `INSERT INTO assets (id, asset_tag, serial_number, type, model, status, holder_id, status_changed_at, created_at, updated_at)
       VALUES (?, ?, 'SN', 'laptop', 'Lenovo T14', ?, ?, 't', 't', 't')`,
    );
    insert.run('a-1', 'LT-0001', 'issued', 'p-1');
    insert.run('a-2', 'LT-0002', 'in_stock', null);
    migrateTo(db, 5);
    expect(db.prepare('SELECT id, holder_name FROM assets ORDER BY id').all()).toEqual([
      { id: 'a-1', holder_name: 'Ada Lovelace' },
      { id: 'a-2', holder_name: null },
    ]);
  });
});
