import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachedCount } from '../../../src-main/store/queries/count-cache';
import { tempDir } from '../../support/store';

function countingDb(file = ':memory:') {
  const db = new Database(file);
  db.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
  let counted = 0;
  // Called once per row counted: shows whether the COUNT ran or the cache answered.
  db.function('seen', () => {
    counted += 1;
    return 1;
  });
  return { db, counted: () => counted };
}

const SQL = 'SELECT COUNT(*) AS total FROM t WHERE seen() = 1 AND x > ?';

describe('cachedCount', () => {
  it('counts once while nothing changes, and again after a write through the same connection', () => {
    const { db, counted } = countingDb();
    db.exec('INSERT INTO t VALUES (1), (2), (3)');
    expect(cachedCount(db, SQL, [1])).toBe(2);
    const after = counted();
    expect(cachedCount(db, SQL, [1])).toBe(2);
    expect(counted()).toBe(after);
    expect(cachedCount(db, SQL, [0])).toBe(3); // other parameters: counted afresh
    db.exec('INSERT INTO t VALUES (4)');
    expect(cachedCount(db, SQL, [1])).toBe(3);
  });

  it('counts again after another connection commits to the same file', () => {
    const file = `${tempDir()}/count.db`;
    const { db } = countingDb(file);
    db.exec('INSERT INTO t VALUES (1)');
    expect(cachedCount(db, SQL, [0])).toBe(1);
    const other = new Database(file);
    other.exec('INSERT INTO t VALUES (2)');
    other.close();
    expect(cachedCount(db, SQL, [0])).toBe(2);
  });
});
