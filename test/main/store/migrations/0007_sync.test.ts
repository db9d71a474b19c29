import { describe, expect, it } from 'vitest';
import { migrateTo, storeAtVersion } from '../../../support/migrations';

/** Version 7 adds the sync bookkeeping: outbox authors, undo records, the sync state row and rejections. */
describe('migration 0007: sync', () => {
  it('keeps unsent changes (with no author: no one could sign in before), and starts with an empty sync state', () => {
    const db = storeAtVersion(6);
    db.prepare("INSERT INTO installation (singleton, client_id, last_mutation_id, created_at) VALUES (1, 'c-1', 2, 't')").run();
    const outbox = db.prepare("INSERT INTO outbox (mutation_id, client_id, name, args, created_at) VALUES (?, 'c-1', 'asset.create', '{}', 't')");
    outbox.run(1);
    outbox.run(2);
    migrateTo(db, 7);
    expect(db.prepare('SELECT mutation_id, name, actor_id FROM outbox ORDER BY mutation_id').all()).toEqual([
      { mutation_id: 1, name: 'asset.create', actor_id: null },
      { mutation_id: 2, name: 'asset.create', actor_id: null },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM undo_log').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT * FROM sync_state').all()).toEqual([
      {
        singleton: 1,
        server_url: null,
        account_person_id: null,
        account_email: null,
        account_name: null,
        account_roles: null,
        cookie: null,
        last_synced_at: null,
        last_error: null,
      },
    ]);
    expect(() => db.prepare('INSERT INTO sync_state (singleton) VALUES (2)').run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO undo_log (mutation_id, entries) VALUES (1, 'not json')").run()).toThrow(/CHECK/);
  });

  it('leaves deleting a person or an asset to the store: the search index triggers are gone', () => {
    const db = storeAtVersion(6);
    db.prepare("INSERT INTO people (id, staff_number, name, email, created_at, updated_at) VALUES ('p-1', 'S1', 'Ada Lovelace', 'ada@example.gov.uk', 't', 't')").run();
    db.prepare("INSERT INTO people_search (rowid, name, staff_number, email) SELECT rowid, name, staff_number, email FROM people").run();
    migrateTo(db, 7);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all()).toEqual([]);
    expect(db.prepare('SELECT name FROM people_search').all()).toEqual([{ name: 'Ada Lovelace' }]);
  });
});
