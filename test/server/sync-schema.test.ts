import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonValue } from '../../src-server/audit/canonical-json';
import { columnsOf, UNIQUE_LOOKUPS, type SqlKind } from '../../src-server/sync/synced-columns';
import { MUTATOR_RULES } from '../../src-shared/auth/mutator-permissions';
import { mutators } from '../../src-shared/mutators/registry';
import { SYNCED_TABLES } from '../../src-shared/sync/protocol';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';

const PG_TYPE: Readonly<Record<SqlKind, string>> = {
  uuid: 'uuid',
  text: 'text',
  'text[]': 'ARRAY',
  date: 'date',
  timestamptz: 'timestamp with time zone',
  bigint: 'bigint',
};

describe.each(BACKENDS)('the synced tables on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(backend);
  }, 60_000);
  afterAll(() => test.close());

  it.each(SYNCED_TABLES)('%s: every column the sync code reads and writes has the type it expects, and a version', async (table) => {
    const { rows } = await test.db.query<{ column: string; type: string }>(
      'SELECT column_name AS column, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
      [table],
    );
    const actual = Object.fromEntries(rows.map((row) => [row.column, row.type]));
    const expected = Object.fromEntries(columnsOf(table).map((column) => [column.column, PG_TYPE[column.kind]]));
    expect(actual).toEqual({ ...expected, version: 'bigint' });
  });

  it.each(SYNCED_TABLES)('%s: each lookup answered from a push’s held rows is backed by a unique index', async (table) => {
    const { rows } = await test.db.query<{ definition: string }>(
      "SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexdef LIKE 'CREATE UNIQUE INDEX%'",
      [table],
    );
    for (const field of UNIQUE_LOOKUPS[table]) {
      const column = columnsOf(table).find((c) => c.field === field)?.column ?? '';
      expect(rows.some((row) => row.definition.endsWith(`(${column})`)), `${table}.${column}`).toBe(true);
    }
  });
});

describe('sync rules in src-shared', () => {
  it('say who may run every registered mutator, with at least one grant each', () => {
    expect(Object.keys(MUTATOR_RULES).sort()).toEqual(Object.keys(mutators).sort());
    for (const rule of Object.values(MUTATOR_RULES)) expect(rule.grants.length).toBeGreaterThan(0);
  });
});

describe('audit values', () => {
  it('are normalised exactly as a JSON round trip would (and jsonb will store them)', () => {
    const anything = fc.anything({ withDate: true, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false, withBigInt: false });
    fc.assert(
      fc.property(anything, (value) => {
        expect(toJsonValue(value)).toEqual(JSON.parse(JSON.stringify(value ?? null)));
      }),
      { numRuns: 3000 },
    );
    expect(toJsonValue({ a: undefined, b: [undefined, () => 1], c: new Date(0), d: Number.NaN })).toEqual({ b: [null, null], c: '1970-01-01T00:00:00.000Z', d: null });
    const ownProto = JSON.parse('{"__proto__":{"admin":true}}') as unknown;
    expect(JSON.stringify(toJsonValue(ownProto))).toBe('{"__proto__":{"admin":true}}');
  });
});
