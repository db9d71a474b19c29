import { describe, expect, it } from 'vitest';
import { migrateTo, storeAtVersion } from '../../../support/migrations';

/** Version 1 stores hold people and in-stock assets with no lifecycle; version 2 must carry them over intact. */
describe('migration 0002: register and custody', () => {
  function versionOneStore() {
    const db = storeAtVersion(1);
    db.prepare("INSERT INTO installation (singleton, client_id, created_at) VALUES (1, 'client-1', '2026-01-01T00:00:00Z')").run();
    db.prepare(
      "INSERT INTO people (id, staff_number, name, email, line_manager_id, created_at, updated_at) VALUES ('p-1', 'S1', 'Ada Lovelace', 'ada@example.gov.uk', NULL, 't1', 't1')",
    ).run();
    db.prepare(
      "INSERT INTO assets (id, asset_tag, serial_number, type, model, created_at, updated_at) VALUES ('a-1', 'LT-0042', 'PF3XK9', 'laptop', 'Lenovo T14', '2026-02-03T10:00:00Z', '2026-02-04T10:00:00Z')",
    ).run();
    return db;
  }

  it('keeps every asset, in stock, with its status stamped from when it was created', () => {
    const db = versionOneStore();
    migrateTo(db, 2);
    expect(db.prepare('SELECT * FROM assets').all()).toEqual([
      expect.objectContaining({
        id: 'a-1',
        asset_tag: 'LT-0042',
        serial_number: 'PF3XK9',
        model: 'Lenovo T14',
        status: 'in_stock',
        holder_id: null,
        status_changed_at: '2026-02-03T10:00:00Z',
        created_at: '2026-02-03T10:00:00Z',
        updated_at: '2026-02-04T10:00:00Z',
      }),
    ]);
  });

  it('gives each existing asset a "create" entry in its history', () => {
    const db = versionOneStore();
    migrateTo(db, 2);
    expect(db.prepare('SELECT asset_id, event, to_status, client_id, at FROM asset_events').all()).toEqual([
      { asset_id: 'a-1', event: 'create', to_status: 'in_stock', client_id: 'client-1', at: '2026-02-03T10:00:00Z' },
    ]);
  });

  it('makes existing people active staff with no training date', () => {
    const db = versionOneStore();
    migrateTo(db, 2);
    expect(db.prepare('SELECT staff_number, roles, status, training_completed_on FROM people').get()).toEqual({
      staff_number: 'S1',
      roles: '["staff"]',
      status: 'active',
      training_completed_on: null,
    });
  });

  it('indexes existing assets and people for search', () => {
    const db = versionOneStore();
    migrateTo(db, 2);
    expect(db.prepare(`SELECT rowid FROM asset_search WHERE asset_search MATCH '"LT-00"*'`).all()).toHaveLength(1);
    expect(db.prepare(`SELECT rowid FROM people_search WHERE people_search MATCH '"lov"*'`).all()).toHaveLength(1);
  });

  it('enforces the custody invariant from then on: issued exactly when there is a holder', () => {
    const db = versionOneStore();
    migrateTo(db, 2);
    expect(() => db.prepare("UPDATE assets SET status = 'issued' WHERE id = 'a-1'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE assets SET holder_id = 'p-1' WHERE id = 'a-1'").run()).toThrow(/CHECK constraint failed/);
    db.prepare("UPDATE assets SET status = 'issued', holder_id = 'p-1' WHERE id = 'a-1'").run();
    expect(db.prepare(`SELECT rowid FROM asset_search WHERE asset_search MATCH '"ada"*'`).all()).toHaveLength(1);
  });
});
