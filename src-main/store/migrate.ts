import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';
import { StoreError } from './store-error';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the store to `target` (default: the newest migration) in ONE transaction: either every pending migration
 * applies and user_version moves, or nothing changes. A store newer than this app is refused before anything is written.
 */
/** Refuses a store written by a newer app: this app cannot know what the newer schema means. */
export function assertUnderstood(current: number, latest: number): void {
  if (current > latest) {
    throw new StoreError(
      'store_newer',
      `This data was saved by a newer version of Custodian (data version ${String(current)}; this app understands up to ${String(latest)}). ` +
        'Install the latest version of Custodian to open it. Nothing has been changed.',
    );
  }
}

export function migrate(db: Database, migrations: readonly Migration[], target = migrations.length): number {
  const current = schemaVersion(db);
  assertUnderstood(current, migrations.length);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;

  const apply = db.transaction(() => {
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
      } catch (cause) {
        throw new StoreError(
          'migration_failed',
          `Could not upgrade the local data to version ${String(migration.version)} (${migration.name}): ${(cause as Error).message}. Nothing has been changed.`,
          { cause },
        );
      }
    }
    // user_version lives in the database header, so it commits or rolls back with the migrations themselves.
    db.pragma(`user_version = ${String(target)}`);
  });
  apply.immediate();
  return target;
}
